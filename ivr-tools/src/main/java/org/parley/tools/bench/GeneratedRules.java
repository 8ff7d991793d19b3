package org.parley.tools.bench;

import java.util.Locale;
import org.parley.rules.engine.RuleSource;

/**
 * A large rule file of the kind analysts grow over time: per-campaign and per-number routing,
 * mood and time-of-day exceptions. Each rule is ordinary DRL over the fact model, guarded like the
 * shipped rules by an undecided Decision, so it competes with them for real.
 */
public final class GeneratedRules {

    private static final String[] INTENTS = {"account_balance", "card_activation", "make_payment", "billing_question", "loan_inquiry",
            "open_account", "plan_change", "technical_support", "online_access", "transaction_dispute"};
    private static final String[] QUEUES = {"accounts", "cards", "payments", "billing", "lending", "sales", "sales", "tech", "digital",
            "disputes"};

    private GeneratedRules() {
    }

    /** {@code count} rules in one file named {@code generated.drl}. */
    public static RuleSource of(int count) {
        StringBuilder drl = new StringBuilder("""
                package org.parley.rules.routing;

                import org.parley.rules.fact.Caller;
                import org.parley.rules.fact.Decision;
                import org.parley.rules.fact.Schedule;
                import org.parley.rules.fact.Sentiment;

                """);
        for (int i = 0; i < count; i++) {
            int k = i % INTENTS.length;
            String number = String.format(Locale.ROOT, "+1555%07d", 100_000 + i);
            drl.append("rule \"Generated ").append(i).append(": ");
            switch (i % 4) {
                case 0 -> drl.append("campaign number ").append(number).append(" for ").append(INTENTS[k]).append("\"\n    salience 80\nwhen\n")
                        .append("    Caller( number == \"").append(number).append("\" )\n")
                        .append("    Understood( intent == \"").append(INTENTS[k]).append("\" )\n");
                case 1 -> drl.append("upset ").append(INTENTS[k]).append(" callers from ").append(number).append("\"\n    salience 80\nwhen\n")
                        .append("    Caller( number == \"").append(number).append("\" )\n")
                        .append(String.format(Locale.ROOT, "    Sentiment( score < -0.%d )%n", 1 + i % 8))
                        .append("    Understood( intent == \"").append(INTENTS[k]).append("\" )\n");
                case 2 -> drl.append("evening ").append(INTENTS[k]).append(" for ").append(number).append("\"\n    salience 80\nwhen\n")
                        .append("    Caller( number == \"").append(number).append("\" )\n")
                        .append(String.format(Locale.ROOT, "    Schedule( clock >= \"%02d:00\" )%n", 17 + i % 5))
                        .append("    Understood( intent == \"").append(INTENTS[k]).append("\" )\n");
                default -> drl.append("weekend ").append(INTENTS[k]).append(" for ").append(number).append("\"\n    salience 80\nwhen\n")
                        .append("    Caller( number == \"").append(number).append("\" )\n")
                        .append("    Schedule( day in ( \"Sat\", \"Sun\" ) )\n")
                        .append("    Understood( intent == \"").append(INTENTS[k]).append("\" )\n");
            }
            drl.append("    $d : Decision( !decided )\nthen\n    modify( $d ) { transfer( \"").append(QUEUES[k]).append("\", ")
                    .append(1 + i % 5).append(", \"transfer-").append(QUEUES[k]).append("\" ) }\nend\n\n");
        }
        return new RuleSource("generated.drl", drl.toString());
    }
}
