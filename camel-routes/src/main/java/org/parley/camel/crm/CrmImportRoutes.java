package org.parley.camel.crm;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.parley.ivr.crm.CrmImport;

/**
 * The CRM's bulk drop: a {@code *.csv} of customers put in the import directory is read once it
 * stops growing, imported row by row, and moved to {@code done/} when every row was imported or to
 * {@code error/} with a {@code <name>.errors.txt} naming each rejected line (the good rows are
 * imported either way). Several nodes may watch one shared directory: a file is read by the node that
 * claims it first ({@code claims}, Camel's {@code idempotent-changed} read lock); the claim is released a few
 * seconds after the file has left the directory, so a node that listed it just before cannot claim it again.
 */
public class CrmImportRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "crm-import";

    /** The claims' name in Camel's registry. */
    static final String CLAIMS = "crmImportClaims";

    private final CrmImport importer;
    private final Path directory;
    private final IdempotentRepository claims;

    public CrmImportRoutes(CrmImport importer, Path directory, IdempotentRepository claims) {
        this.importer = importer;
        this.directory = directory;
        this.claims = claims;
    }

    @Override
    public void configure() {
        // Rejected rows are reported (log line and errors.txt) and move the file to error/: no stack trace needed.
        onException(RejectedRowsException.class).handled(false).logStackTrace(false).logExhausted(false).logRetryAttempted(false);
        getContext().getRegistry().bind(CLAIMS, claims);
        from("file:" + directory + "?include=.*\\.csv&readLock=idempotent-changed&idempotentRepository=#" + CLAIMS
                + "&readLockRemoveOnCommit=true&readLockIdempotentReleaseDelay=5000&readLockIdempotentReleaseAsync=true"
                + "&readLockMinAge=500&readLockCheckInterval=250&move=done/${file:name}&moveFailed=error/${file:name}")
                .routeId(ROUTE_ID)
                .process(exchange -> {
                    String name = exchange.getIn().getHeader("CamelFileName", String.class);
                    CrmImport.Report report;
                    try (InputStream in = exchange.getIn().getBody(InputStream.class)) {
                        report = importer.importCustomers(name, new InputStreamReader(in, StandardCharsets.UTF_8));
                    }
                    if (!report.clean()) {
                        Path errors = directory.resolve("error").resolve(name + ".errors.txt");
                        Files.createDirectories(errors.getParent());
                        Files.writeString(errors, report.imported() + " rows imported, " + report.rejected().size() + " rejected:\n"
                                + String.join("\n", report.rejected()) + "\n", StandardCharsets.UTF_8);
                        throw new RejectedRowsException(name + ": " + report.rejected().size() + " rows rejected, see " + errors);
                    }
                });
    }

    /** Moves the file to error/; the good rows were imported. */
    static final class RejectedRowsException extends Exception {
        RejectedRowsException(String message) {
            super(message);
        }
    }
}
