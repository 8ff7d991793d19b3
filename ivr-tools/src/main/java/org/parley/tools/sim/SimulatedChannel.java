package org.parley.tools.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Asterisk channel under AGI control: answers each AGI command line with the reply lines
 * {@code res_agi.c} would send, and plays the scripted caller's part. Not thread-safe (one per call).
 */
final class SimulatedChannel {

    /** Variable the IVR reads the caller's words from until speech recognition lands. */
    static final String UTTERANCE_VARIABLE = "PARLEY_UTTERANCE";
    static final String INPUT_VARIABLE = "PARLEY_INPUT";

    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";
    private static final String UNKNOWN = "510 Invalid or unknown command";

    /** A command Asterisk knows: its words, how many arguments it takes, and whether it works once hung up. */
    private record Spec(String name, int minArgs, int maxArgs, boolean allowedWhenDead, String usage) {
    }

    // Usage strings follow Asterisk's AGI command documentation.
    private static final List<Spec> COMMANDS = List.of(
            new Spec("ANSWER", 0, 0, false, "Usage: ANSWER"),
            new Spec("HANGUP", 0, 1, true, "Usage: HANGUP [<channelname>]"),
            new Spec("STREAM FILE", 2, 3, false, "Usage: STREAM FILE <filename> <escape_digits> [<sample offset>]"),
            new Spec("GET DATA", 1, 3, false, "Usage: GET DATA <file to be streamed> [timeout] [maxdigits]"),
            new Spec("GET VARIABLE", 1, 1, true, "Usage: GET VARIABLE <variablename>"),
            new Spec("SET VARIABLE", 2, 2, true, "Usage: SET VARIABLE <variablename> <value>"),
            new Spec("VERBOSE", 1, 2, true, "Usage: VERBOSE <message> <level>"),
            new Spec("EXEC", 1, 2, true, "Usage: EXEC <application> <options>"),
            new Spec("NOOP", 0, Integer.MAX_VALUE, true, "Usage: NOOP"),
            new Spec("WAIT FOR DIGIT", 1, 1, false, "Usage: WAIT FOR DIGIT <timeout>"),
            new Spec("CHANNEL STATUS", 0, 1, true, "Usage: CHANNEL STATUS [<channelname>]"),
            new Spec("SAY DIGITS", 2, 2, false, "Usage: SAY DIGITS <number> <escape_digits>"),
            new Spec("SAY NUMBER", 2, 3, false, "Usage: SAY NUMBER <number> <escape_digits> [gender]"),
            new Spec("DATABASE GET", 2, 2, true, "Usage: DATABASE GET <family> <key>"),
            new Spec("RECORD FILE", 4, 7, false,
                    "Usage: RECORD FILE <filename> <format> <escape_digits> <timeout> [<offset samples>] [BEEP] [s=<silence>]"));

    private final CallScript script;
    private final String uniqueId;
    private final String channelName;
    private final Deque<CallerInput> inputs;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> variablesSet = new LinkedHashMap<>();
    private final List<String> played = new ArrayList<>();
    private boolean answered;
    private boolean dead;
    /** Whether the reply last made carried the caller's words or keys (what the IVR decides on). */
    private boolean repliedWithInput;
    private CallResult.Ending ending;

    SimulatedChannel(CallScript script, String uniqueId, String channelName) {
        this.script = script;
        this.uniqueId = uniqueId;
        this.channelName = channelName;
        this.inputs = new ArrayDeque<>(script.inputs());
        this.variables.putAll(script.channelVariables());
        if (script.inputs().stream().anyMatch(i -> i instanceof CallerInput.Speech)) {
            // A text channel says so once per call; the IVR then reads PARLEY_UTTERANCE on each turn.
            this.variables.putIfAbsent(INPUT_VARIABLE, "text");
        }
    }

    /**
     * The reply lines for one command line. When the channel hangs up during the command, the reply
     * is followed by the {@code HANGUP} line Asterisk sends to FastAGI scripts.
     */
    List<String> handle(String commandLine) {
        repliedWithInput = false;
        List<String> words = AgiArguments.split(commandLine);
        Spec spec = find(words);
        if (spec == null) {
            return List.of(UNKNOWN);
        }
        if (dead && !spec.allowedWhenDead()) {
            return List.of(DEAD);
        }
        List<String> args = words.subList(spec.name().split(" ").length, words.size());
        if (args.size() < spec.minArgs() || args.size() > spec.maxArgs()) {
            return List.of("520-Invalid command syntax.  Proper usage follows:", spec.usage(), "520 End of proper usage.");
        }
        return execute(spec.name(), args);
    }

    private List<String> execute(String command, List<String> args) {
        switch (command) {
            case "ANSWER":
                answered = true;
                return ok("0");
            case "HANGUP":
                if (dead) {
                    return ok("1");
                }
                dead = true;
                ending = CallResult.Ending.HUNG_UP_BY_IVR;
                return List.of("200 result=1", "HANGUP");
            case "STREAM FILE":
                if (!script.hasSound(args.get(0))) {
                    return List.of("200 result=-1 endpos=0"); // Asterisk: no such file; the channel stays up
                }
                played.add(args.get(0));
                hold();
                return List.of("200 result=0 endpos=8000");
            case "GET DATA":
                if (!script.hasSound(args.get(0))) {
                    return List.of("200 result=-1");
                }
                played.add(args.get(0));
                hold();
                return getData(args.size() > 2 ? Integer.parseInt(args.get(2)) : 1024);
            case "GET VARIABLE":
                String value = variable(args.get(0));
                return value == null ? ok("0") : List.of("200 result=1 (" + value + ")");
            case "SET VARIABLE":
                variables.put(args.get(0), args.get(1));
                variablesSet.put(args.get(0), args.get(1));
                return ok("1");
            case "WAIT FOR DIGIT":
                if (inputs.peek() instanceof CallerInput.Keys keys) {
                    inputs.poll();
                    return ok(Integer.toString(keys.digits().charAt(0)));
                }
                return ok("0");
            case "CHANNEL STATUS":
                // 6 = line up, 4 = ringing (Asterisk's AST_STATE_* numbering)
                return ok(dead ? "-1" : answered ? "6" : "4");
            case "VERBOSE":
                return ok("1");
            case "DATABASE GET":
                return ok("0");
            case "EXEC":
                if (args.get(0).equalsIgnoreCase("AudioSocket")) {
                    return audioSocket(args.size() > 1 ? args.get(1) : "");
                }
                return ok("0");
            case "RECORD FILE":
                return record(args);
            default:
                return ok("0");
        }
    }

    /** GET DATA plays a prompt and collects keys; speech is left for the PARLEY_UTTERANCE read. */
    private List<String> getData(int maxDigits) {
        CallerInput next = inputs.peek();
        if (next instanceof CallerInput.Keys keys) {
            inputs.poll();
            String digits = keys.digits().length() > maxDigits ? keys.digits().substring(0, maxDigits) : keys.digits();
            repliedWithInput = true;
            return ok(digits);
        }
        if (next instanceof CallerInput.HangUp) {
            inputs.poll();
            dead = true;
            ending = CallResult.Ending.CALLER_HUNG_UP;
            return List.of("200 result=-1", "HANGUP");
        }
        if (next instanceof CallerInput.Silence) {
            inputs.poll();
        }
        // Asterisk's reply when no digit came before the timeout
        return List.of("200 result= (timeout)");
    }

    /**
     * {@code EXEC AudioSocket <uuid>,<host>:<port>}: connects to the IVR's AudioSocket server and streams
     * the caller's next {@link CallerInput.Audio} (or silence) until the IVR hangs up the stream, as
     * app_audiosocket does; returns -1 with HANGUP when the caller hung up meanwhile.
     */
    private List<String> audioSocket(String options) {
        String[] parts = options.split(",");
        int colon = parts.length == 2 ? parts[1].lastIndexOf(':') : -1;
        java.util.UUID stream;
        try {
            stream = java.util.UUID.fromString(parts[0].strip());
        } catch (IllegalArgumentException e) {
            return ok("-1");
        }
        if (colon < 0) {
            return ok("-1");
        }
        String host = parts[1].substring(0, colon);
        int port = Integer.parseInt(parts[1].substring(colon + 1).strip());
        AudioSocketCaller caller = new AudioSocketCaller(host, port);
        try {
            if (inputs.peek() instanceof CallerInput.Audio audio) {
                inputs.poll();
                boolean hangUp = audio.hangUpAfterMs() >= 0;
                byte[] pcm = hangUp ? java.util.Arrays.copyOf(audio.pcm(), Math.min(audio.pcm().length, audio.hangUpAfterMs() * 16))
                        : withTrailingSilence(audio.pcm());
                heardPrompt(caller.stream(stream, pcm, audio.realTime(), audio.digit(), audio.digitAfterMs(), hangUp, false));
                if (hangUp) {
                    dead = true;
                    ending = CallResult.Ending.CALLER_HUNG_UP;
                    return List.of("200 result=-1", "HANGUP");
                }
            } else {
                if (inputs.peek() instanceof CallerInput.Silence) {
                    inputs.poll();
                }
                heardPrompt(caller.stream(stream, new byte[SILENCE_BYTES], script.realTimeSilence(), (char) 0, 0, false, false));
            }
        } catch (java.io.IOException e) {
            return ok("-1");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ok("-1");
        }
        return ok("0");
    }

    /** Audio the IVR played over the stream (a prompt it plays itself) is noted as {@code audiosocket:<ms>ms}. */
    private void heardPrompt(AudioSocketCaller.Result result) {
        if (result.audioBytesReceived() > 0) {
            played.add("audiosocket:" + result.audioBytesReceived() / 16 + "ms");
        }
    }

    /** 30 s of silence at 8 kHz: more than any no-input timeout. */
    private static final int SILENCE_BYTES = 30 * 16_000;

    /** A caller goes quiet after speaking; the IVR needs that silence to hear the end of the utterance. */
    private static byte[] withTrailingSilence(byte[] pcm) {
        return java.util.Arrays.copyOf(pcm, pcm.length + 3 * 16_000);
    }

    /**
     * {@code RECORD FILE}: writes the caller's next {@link CallerInput.Audio} (or silence up to the
     * timeout) as a WAV file where Asterisk would, as 8 kHz {@code wav}.
     */
    private List<String> record(List<String> args) {
        java.nio.file.Path file = java.nio.file.Path.of(args.get(0) + "." + args.get(1));
        int timeoutMs = Integer.parseInt(args.get(3));
        byte[] pcm;
        if (inputs.peek() instanceof CallerInput.Audio audio) {
            inputs.poll();
            if (audio.hangUpAfterMs() >= 0) {
                dead = true;
                ending = CallResult.Ending.CALLER_HUNG_UP;
                return List.of("200 result=-1 (hangup) endpos=0", "HANGUP");
            }
            if (audio.digit() != 0) {
                return List.of("200 result=" + (int) audio.digit() + " (dtmf) endpos=" + audio.digitAfterMs() * 8);
            }
            pcm = withTrailingSilence(audio.pcm());
        } else {
            if (inputs.peek() instanceof CallerInput.Silence) {
                inputs.poll();
            }
            pcm = new byte[Math.max(0, timeoutMs) * 16];
        }
        try {
            java.nio.file.Files.write(file, new org.parley.nlp.audio.Wav(pcm, 8000).toBytes());
        } catch (java.io.IOException e) {
            return List.of("200 result=-1 (writefile)");
        }
        return List.of("200 result=0 (timeout) endpos=" + pcm.length / 2);
    }

    private String variable(String name) {
        switch (name) {
            case UTTERANCE_VARIABLE:
                if (inputs.peek() instanceof CallerInput.Speech speech) {
                    inputs.poll();
                    repliedWithInput = true;
                    return speech.text();
                }
                return null;
            case "CALLERID(num)":
                return script.callerNumber();
            case "UNIQUEID":
                return uniqueId;
            case "CHANNEL":
                return channelName;
            default:
                return variables.get(name);
        }
    }

    /** Whether the reply to the last command carried the caller's words or keys. */
    boolean repliedWithInput() {
        return repliedWithInput;
    }

    /** A prompt playing (and the caller answering) for the script's hold time, as Asterisk holds the AGI meanwhile. */
    private void hold() {
        if (script.holdMillis() > 0) {
            try {
                Thread.sleep(script.holdMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Spec find(List<String> words) {
        Spec best = null;
        for (Spec spec : COMMANDS) {
            String[] names = spec.name().split(" ");
            if (words.size() >= names.length && (best == null || names.length > best.name().split(" ").length)) {
                boolean match = true;
                for (int i = 0; i < names.length; i++) {
                    match &= names[i].equals(words.get(i).toUpperCase(Locale.ROOT));
                }
                if (match) {
                    best = spec;
                }
            }
        }
        return best;
    }

    private static List<String> ok(String result) {
        return List.of("200 result=" + result);
    }

    boolean isDead() {
        return dead;
    }

    CallResult.Ending ending() {
        return ending;
    }

    Map<String, String> variablesSet() {
        return variablesSet;
    }

    List<String> played() {
        return played;
    }
}
