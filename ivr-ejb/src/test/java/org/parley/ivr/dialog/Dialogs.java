package org.parley.ivr.dialog;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.parley.ivr.Transactions;
import org.parley.ivr.call.CallJournal;
import org.parley.ivr.call.CallRepository;
import org.parley.ivr.crm.CallerContext;
import org.parley.ivr.crm.CallerContexts;
import org.parley.ivr.decision.DecisionServices;
import org.parley.ivr.live.QueueBoard;
import org.parley.ivr.nlu.LanguageService;
import org.parley.ivr.rules.RulesWiring;
import org.parley.ivr.speech.SpeechServices;

/** The dialog as the server wires it with its shipped settings, for tests that run without the server. */
final class Dialogs {

    private Dialogs() {
    }

    /**
     * A dialog serving the shipped rules (stored in {@code em}) on a Wednesday at 10:00, when every desk is open; its
     * calls recorded through {@code journal} into {@code calls}, caller contexts from the local store in {@code cache}.
     */
    static DialogService wired(EntityManager em, CallRepository calls, CallJournal journal, LanguageService language,
                               Cache<String, CallerContext> cache, MeterRegistry metrics) {
        QueueBoard board = new QueueBoard();
        DialogService dialog = new DialogService();
        dialog.language = language;
        dialog.calls = calls;
        dialog.journal = journal;
        dialog.decisions = Transactions.in(em, () -> DecisionServices.started(RulesWiring.repository(em)));
        dialog.prompts = new PromptCatalog();
        dialog.prompts.directory = "parley";
        cache.clear();
        dialog.contexts = CallerContexts.localOnly(em, cache, calls);
        dialog.queues = board;
        dialog.speech = SpeechServices.off();
        dialog.names = RulesWiring.shippedNames(board);
        dialog.metrics = new DialogMetrics(metrics);
        // Dialog states beside the caller contexts, in the same cache manager: two dialogs wired on one manager are
        // two nodes sharing the cluster's dialog-state cache.
        if (cache.getCacheManager().getCacheConfiguration("dialog-state") == null) {
            cache.getCacheManager().defineConfiguration("dialog-state", new ConfigurationBuilder().build());
        }
        dialog.states = new DialogStates();
        dialog.states.cache = cache.getCacheManager().getCache("dialog-state");
        dialog.digitWaitMillis = 300;
        dialog.maxTurns = 4;
        dialog.inputTimeoutMillis = 5000;
        dialog.maxDigits = 1;
        dialog.fallbackQueue = "customer-service";
        dialog.fallbackPriority = 5;
        dialog.fallbackPrompt = "transfer-agent";
        dialog.timezone = Optional.empty();
        dialog.fixedClock = Optional.of("2026-01-07T10:00");
        return dialog;
    }
}
