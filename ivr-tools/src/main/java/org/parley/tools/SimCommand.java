package org.parley.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.tools.sim.CallResult;
import org.parley.tools.sim.CallScript;
import org.parley.tools.sim.FastAgiCall;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley sim}: act as Asterisk towards a running Parley. */
@Command(name = "sim", description = "Act as Asterisk towards a running Parley.", mixinStandardHelpOptions = true,
        subcommands = {SimCommand.Call.class, SimLoad.class, SimFloor.class, SimAmi.class})
final class SimCommand {

    /** {@code parley sim call}: place one FastAGI call and print how it was routed. */
    @Command(name = "call", mixinStandardHelpOptions = true,
            description = "Place one call over FastAGI, as Asterisk's AGI(agi://host:port/ivr) would, and print the route.")
    static final class Call implements Callable<Integer> {

        @Mixin
        AgiTarget target;

        @Option(names = "--script", defaultValue = "ivr", description = "AGI script path (default ${DEFAULT-VALUE}).")
        String script;

        @Option(names = "--from", defaultValue = "5551234", description = "Caller-id number; \"\" for a withheld number.")
        String from;

        @Option(names = "--language", defaultValue = "en", description = "The channel's language, as Asterisk's CHANNEL(language) (default ${DEFAULT-VALUE}).")
        String language;

        @Option(names = "--to", defaultValue = "1000", description = "Dialled number.")
        String to;

        @Option(names = "--say", description = "Words the caller says at the next question (repeatable).")
        List<String> say = new ArrayList<>();

        @Option(names = "--speak", description = "A WAV file (8 kHz 16-bit mono) the caller speaks at the next question over AudioSocket"
                + " or RECORD FILE (repeatable; after all --say).")
        List<java.nio.file.Path> speak = new ArrayList<>();

        @Option(names = "--fast", description = "Stream audio as fast as Parley takes it instead of in real time (20 ms a frame).")
        boolean fast;

        @Option(names = "--press", description = "Keys the caller presses at the next question (repeatable; after all --say and --speak).")
        List<String> press = new ArrayList<>();

        @Option(names = "--hangup", description = "Hang up at the question after the scripted inputs.")
        boolean hangup;

        @Option(names = "--expect-route", description = "Exit with status 1 unless PARLEY_ROUTE is this.")
        String expectRoute;

        @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for the IVR's next command.")
        int timeoutSeconds;

        @Option(names = {"-v", "--verbose"}, description = "Print the AGI wire transcript.")
        boolean verbose;

        @Override
        public Integer call() throws Exception {
            CallScript callScript = CallScript.from(from).to(to).script(script).language(language);
            say.forEach(callScript::say);
            for (java.nio.file.Path wav : speak) {
                callScript.speak(org.parley.tools.sim.AudioSocketCaller.readWav8k(wav), !fast);
            }
            callScript.realTimeSilence(!fast);
            press.forEach(callScript::press);
            if (hangup) {
                callScript.hangUp();
            }
            CallResult result = target.caller(Duration.ofSeconds(timeoutSeconds)).place(callScript);
            if (verbose) {
                result.transcript().forEach(System.out::println);
            }
            System.out.printf("call %s from %s: %s%n", result.uniqueId(), from, result.ending());
            System.out.printf("  PARLEY_ROUTE=%s PARLEY_QUEUE=%s PARLEY_PRIORITY=%s PARLEY_PROMPT=%s%n",
                    result.route(), result.queue(), result.priority(), result.variablesSet().get("PARLEY_PROMPT"));
            System.out.printf("  played: %s%n", String.join(", ", result.played()));
            if (expectRoute != null && !expectRoute.equals(result.route())) {
                System.err.printf("expected route %s but Parley chose %s%n", expectRoute, result.route());
                return 1;
            }
            return result.ending() == CallResult.Ending.TIMED_OUT ? 2 : 0;
        }
    }
}
