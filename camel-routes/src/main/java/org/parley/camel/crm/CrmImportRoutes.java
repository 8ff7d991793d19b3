package org.parley.camel.crm;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.builder.RouteBuilder;
import org.parley.ivr.crm.CrmImport;

/**
 * The CRM's bulk drop: a {@code *.csv} of customers put in the import directory is read once it
 * stops growing, imported row by row, and moved to {@code done/} when every row was imported or to
 * {@code error/} with a {@code <name>.errors.txt} naming each rejected line (the good rows are
 * imported either way).
 */
public class CrmImportRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "crm-import";

    private final CrmImport importer;
    private final Path directory;

    public CrmImportRoutes(CrmImport importer, Path directory) {
        this.importer = importer;
        this.directory = directory;
    }

    @Override
    public void configure() {
        // Rejected rows are reported (log line and errors.txt) and move the file to error/: no stack trace needed.
        onException(RejectedRowsException.class).handled(false).logStackTrace(false).logExhausted(false).logRetryAttempted(false);
        from("file:" + directory + "?include=.*\\.csv&readLock=changed&readLockMinAge=500&readLockCheckInterval=250"
                + "&move=done/${file:name}&moveFailed=error/${file:name}")
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
