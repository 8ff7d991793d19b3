package org.parley.ivr;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/** Two nodes working one database at the same time, as two servers would: each its own thread and its own entity manager (connection). */
public final class TwoNodes {

    private TwoNodes() {
    }

    /** Runs {@code work} as node "a" and node "b" at once; answers what each returned, a's first. */
    public static <T> List<T> run(EntityManagerFactory emf, BiFunction<String, EntityManager, T> work) throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> runs = new ArrayList<>();
            for (String node : List.of("a", "b")) {
                runs.add(nodes.submit(() -> {
                    EntityManager own = emf.createEntityManager();
                    try {
                        return work.apply(node, own);
                    } finally {
                        own.close();
                    }
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> run : runs) {
                results.add(run.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            nodes.shutdownNow();
        }
    }
}
