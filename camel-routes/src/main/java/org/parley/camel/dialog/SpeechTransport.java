package org.parley.camel.dialog;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.parley.camel.audiosocket.AudioSocketServer;
import org.parley.ivr.dialog.CallerHungUpException;
import org.parley.ivr.dialog.Listened;
import org.parley.nlp.audio.Endpointer;
import org.parley.nlp.audio.Wav;

/**
 * How a call's audio reaches Parley while it listens: Asterisk's AudioSocket application streaming
 * to Parley's {@link AudioSocketServer}, or (for an Asterisk without AudioSocket) {@code RECORD FILE}
 * into a directory both can see, endpointed the same way afterwards. See the {@code parley.speech.*}
 * and {@code parley.audiosocket.*} keys in the README.
 */
public final class SpeechTransport {

    private static final System.Logger LOG = System.getLogger(SpeechTransport.class.getName());
    private static final String KEYS = "0123456789*#";

    /** Which transport. */
    public enum Kind { AUDIOSOCKET, RECORD, NONE }

    /**
     * @param advertisedHost the address Asterisk connects its AudioSocket to; null: the address Asterisk reached FastAGI on
     * @param recordDir      where Parley reads recordings
     * @param asteriskRecordDir the same directory as Asterisk sees it
     * @param recordFormat   wav (8 kHz) or wav16 (16 kHz)
     */
    public record Settings(Kind kind, String advertisedHost, int audioSocketPort, Endpointer.Settings endpointing, Path recordDir,
                           String asteriskRecordDir, String recordFormat) {
    }

    private final Settings settings;
    private final AudioSocketServer server;
    private final PromptAudio prompts;

    /** {@code server}: the running AudioSocket server (AUDIOSOCKET only). */
    public SpeechTransport(Settings settings, AudioSocketServer server) {
        this(settings, server, PromptAudio.none());
    }

    /** {@code prompts}: prompts Parley plays itself over AudioSocket, so speech can interrupt them. */
    public SpeechTransport(Settings settings, AudioSocketServer server, PromptAudio prompts) {
        this.settings = settings;
        this.server = server;
        this.prompts = prompts;
    }

    /** True when this prompt is played over the audio stream while listening (caller speech stops it). */
    boolean playsWhileListening(String soundFile) {
        return settings.kind() == Kind.AUDIOSOCKET && prompts.find(soundFile).isPresent();
    }

    public static SpeechTransport none() {
        return new SpeechTransport(new Settings(Kind.NONE, null, 0, Endpointer.Settings.telephone(), null, null, "wav"), null);
    }

    public boolean available() {
        return settings.kind() != Kind.NONE;
    }

    /** Listens on this call; throws {@link CallerHungUpException} when the caller hangs up. */
    Listened listen(AgiRequest request, AgiChannel agi, String callId) throws AgiException {
        return listen(request, agi, callId, null);
    }

    /** Listens while playing {@code soundFile} over the stream (when {@link #playsWhileListening}; null: no prompt). */
    Listened listen(AgiRequest request, AgiChannel agi, String callId, String soundFile) throws AgiException {
        return switch (settings.kind()) {
            case AUDIOSOCKET -> viaAudioSocket(request, agi, callId, prompts.find(soundFile).orElse(null));
            case RECORD -> viaRecording(agi, callId);
            case NONE -> Listened.failed("no speech transport configured");
        };
    }

    private Listened viaAudioSocket(AgiRequest request, AgiChannel agi, String callId, byte[] prompt) throws AgiException {
        UUID stream = UUID.randomUUID();
        CompletableFuture<AudioSocketServer.Heard> expected = server.expect(stream, prompt);
        String host = settings.advertisedHost() != null ? settings.advertisedHost()
                : request.getLocalAddress() != null ? request.getLocalAddress().getHostAddress() : "127.0.0.1";
        int result;
        try {
            // Blocks while Asterisk streams: the application returns when Parley closes the socket.
            result = agi.exec("AudioSocket", stream + "," + host + ":" + settings.audioSocketPort());
        } catch (AgiHangupException e) {
            server.forget(stream);
            throw new CallerHungUpException(callId);
        }
        if (result == -2) {
            server.forget(stream);
            return Listened.failed("Asterisk has no AudioSocket application (load app_audiosocket.so, or set parley.speech.transport=record)");
        }
        AudioSocketServer.Heard heard;
        try {
            heard = expected.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            server.forget(stream);
            return Listened.failed("Asterisk never connected to AudioSocket " + host + ":" + settings.audioSocketPort() + " for stream " + stream
                    + " (is parley.audiosocket.advertised-host reachable from Asterisk?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.forget(stream);
            return Listened.failed("interrupted");
        } catch (ExecutionException e) {
            return Listened.failed(e.getCause().toString());
        }
        if (result == -1 && heard.ending() != AudioSocketServer.Ending.HANGUP) {
            throw new CallerHungUpException(callId);
        }
        int rate = settings.endpointing().sampleRate();
        return switch (heard.ending()) {
            case SPEECH, MAX_LENGTH -> Listened.speech(heard.audio(), rate, heard.heardMs(), heard.live());
            case DTMF -> Listened.digits(heard.digits());
            case NO_INPUT -> Listened.noInput(heard.heardMs());
            case HANGUP -> throw new CallerHungUpException(callId);
            case ERROR -> Listened.failed(heard.detail());
        };
    }

    private Listened viaRecording(AgiChannel agi, String callId) throws AgiException {
        String name = "parley-" + UUID.randomUUID();
        String extension = settings.recordFormat();
        Path file = settings.recordDir().resolve(name + "." + extension);
        Endpointer.Settings e = settings.endpointing();
        int silenceSeconds = Math.max(1, (e.trailingSilenceMs() + 999) / 1000);
        char key;
        try {
            key = agi.recordFile(settings.asteriskRecordDir() + "/" + name, extension, KEYS, e.noInputMs() + e.maxUtteranceMs(), 0, false,
                    silenceSeconds);
        } catch (AgiHangupException ex) {
            deleteQuietly(file);
            throw new CallerHungUpException(callId);
        }
        try {
            if (agi.getLastReply() != null && agi.getLastReply().getResultCode() == -1) {
                // RECORD FILE answers result=-1 when the channel hung up while recording (asterisk-java makes that key 0)
                throw new CallerHungUpException(callId);
            }
            if (key != 0 && KEYS.indexOf(key) >= 0) {
                return Listened.digits(String.valueOf(key));
            }
            if (!Files.exists(file)) {
                return Listened.failed("RECORD FILE left nothing at " + file + " (parley.speech.record.dir must be the directory Asterisk"
                        + " writes as parley.speech.record.asterisk-dir)");
            }
            Wav wav = Wav.read(file);
            Endpointer endpointer = new Endpointer(new Endpointer.Settings(wav.sampleRate(), e.trailingSilenceMs(), e.maxUtteranceMs(),
                    e.noInputMs(), e.minSpeechRms(), e.speechStartMs(), e.preRollMs()));
            int frame = wav.sampleRate() / 50 * 2;
            Endpointer.State state = Endpointer.State.WAITING;
            for (int off = 0; off < wav.pcm().length && (state == Endpointer.State.WAITING || state == Endpointer.State.SPEAKING); off += frame) {
                state = endpointer.offer(wav.pcm(), off, Math.min(frame, wav.pcm().length - off));
            }
            return state == Endpointer.State.WAITING || state == Endpointer.State.NO_INPUT ? Listened.noInput(endpointer.heardMs())
                    : Listened.speech(endpointer.speech(), wav.sampleRate(), endpointer.heardMs());
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "call {0}: could not read the recording {1}: {2}", callId, file, ex.getMessage());
            return Listened.failed("unreadable recording " + file + ": " + ex.getMessage());
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete the recording {0}: {1}", file, e.getMessage());
        }
    }
}
