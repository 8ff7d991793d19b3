package org.parley.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/parley}: the operator's and analyst's command line. */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "Parley 0.1",
        description = "Parley IVR tools: an Asterisk simulator, speech, language and rules utilities.",
        subcommands = {SimCommand.class, NluCommand.class, RulesCommand.class, AsrCommand.class})
public final class Parley {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Parley()).execute(args));
    }
}
