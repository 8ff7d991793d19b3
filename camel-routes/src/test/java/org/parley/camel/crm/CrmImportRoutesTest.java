package org.parley.camel.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ivr.crm.CrmImport;
import org.parley.ivr.crm.ImportClaims;

/**
 * Two nodes' import routes on one shared drop directory: each file is imported by one of them, once, and moved to
 * {@code done/}; the claims are released afterwards. The claims here are a map with {@link ImportClaims}' rules (the
 * table itself, on H2 and PostgreSQL with two connections, is ivr-ejb's {@code ImportClaimsTest}); the importer
 * records who read which file instead of storing customers.
 */
class CrmImportRoutesTest {

    /** ImportClaims' rules over a map shared by the two nodes, as the table is. */
    private static final class SharedClaims extends ImportClaims {
        final Map<String, String> held = new ConcurrentHashMap<>();

        @Override
        public boolean claim(String fileKey, String node, Duration lease) {
            return held.merge(fileKey, node, (holder, asking) -> holder).equals(node);
        }

        @Override
        public boolean claimed(String fileKey) {
            return held.containsKey(fileKey);
        }

        @Override
        public void release(String fileKey) {
            held.remove(fileKey);
        }
    }

    private static final class Recording extends CrmImport {
        final String node;
        final List<String> reads;

        Recording(String node, List<String> reads) {
            this.node = node;
            this.reads = reads;
        }

        @Override
        public Report importCustomers(String source, Reader csv) {
            try {
                csv.transferTo(new java.io.StringWriter());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            reads.add(source + " by " + node);
            return new Report(source, 1, List.of());
        }
    }

    @Test
    void twoNodesOnOneSharedDirectoryImportEachFileOnce(@TempDir Path drop) throws Exception {
        SharedClaims claims = new SharedClaims();
        List<String> reads = new CopyOnWriteArrayList<>();
        try (CamelContext a = node("a", drop, claims, reads); CamelContext b = node("b", drop, claims, reads)) {
            for (int i = 0; i < 30; i++) {
                Files.writeString(drop.resolve("customers-" + i + ".csv"), "customerId,phone,name,tier,language\nC-" + i + ",+15551234,A,VIP,en\n");
            }

            await("every file imported").atMost(Duration.ofSeconds(60)).until(() -> done(drop) == 30);

            assertThat(reads).hasSize(30);
            assertThat(reads.stream().map(r -> r.substring(0, r.indexOf(" by "))).distinct()).as("no file read twice").hasSize(30);
            await("claims released").atMost(Duration.ofSeconds(30)).until(claims.held::isEmpty);
        }
    }

    private static long done(Path drop) throws IOException {
        Path done = drop.resolve("done");
        if (!Files.isDirectory(done)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.count();
        }
    }

    private static CamelContext node(String name, Path drop, SharedClaims claims, List<String> reads) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new CrmImportRoutes(new Recording(name, reads), drop, new ClaimedFiles(claims, name, Duration.ofMinutes(30))));
        camel.start();
        return camel;
    }
}
