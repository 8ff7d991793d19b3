package org.parley.ivr.crm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Reader;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.parley.rules.scenario.Csv;

/**
 * Bulk customer import from a CRM's CSV export (header {@code customerId,phone,name,tier,language};
 * other orders and extra columns are fine, unknown columns are reported). Every row is stored on
 * its own, so a bad row is reported with its line number and the good rows are imported.
 */
@ApplicationScoped
public class CrmImport {

    private static final System.Logger LOG = System.getLogger(CrmImport.class.getName());
    private static final Set<String> COLUMNS = Set.of("customerId", "phone", "name", "tier", "language");
    private static final int PROGRESS_EVERY = 1000;

    /** What one import did: rows stored and the rows refused, each with its line and why. */
    public record Report(String source, int imported, List<String> rejected) {
        public boolean clean() {
            return rejected.isEmpty();
        }
    }

    @Inject
    CrmStore crm;

    public Report importCustomers(String source, Reader csv) {
        List<Csv.Row> rows;
        try {
            rows = Csv.rows(csv);
        } catch (Csv.CsvException e) {
            return new Report(source, 0, List.of(e.getMessage() + "; nothing was imported"));
        }
        if (rows.isEmpty()) {
            return new Report(source, 0, List.of("line 1: the file is empty; expected a header customerId,phone,name,tier,language"));
        }
        List<String> header = rows.get(0).cells().stream().map(String::strip).toList();
        List<String> rejected = new ArrayList<>();
        if (!header.contains("customerId") || !header.contains("phone")) {
            return new Report(source, 0, List.of("line 1: the header needs customerId and phone columns (and may have "
                    + "name, tier, language); found " + header));
        }
        Set<String> unknown = new TreeSet<>(header);
        unknown.removeAll(COLUMNS);
        if (!unknown.isEmpty()) {
            return new Report(source, 0, List.of("line 1: unknown columns " + unknown + "; the columns are " + new TreeSet<>(COLUMNS)));
        }
        int imported = 0;
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r).cells();
            int line = rows.get(r).line();
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (row.size() != header.size()) {
                rejected.add("line " + line + ": " + row.size() + " cells but the header has " + header.size());
                continue;
            }
            Map<String, String> cells = new java.util.HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String v = row.get(c).strip();
                cells.put(header.get(c), v.isEmpty() ? null : v);
            }
            try {
                crm.upsertCustomer(new CustomerInput(cells.get("customerId"), cells.get("phone"), cells.get("name"), cells.get("tier"),
                        cells.get("language")));
                imported++;
            } catch (CrmValidationException e) {
                rejected.add("line " + line + ": " + e.getMessage());
            }
            if (r % PROGRESS_EVERY == 0) {
                LOG.log(Level.INFO, "{0}: {1} rows read, {2} imported, {3} rejected", source, r, imported, rejected.size());
            }
        }
        LOG.log(rejected.isEmpty() ? Level.INFO : Level.WARNING, "{0}: {1} customers imported, {2} rows rejected{3}", source, imported,
                rejected.size(), rejected.isEmpty() ? "" : ":\n  " + String.join("\n  ", rejected));
        return new Report(source, imported, rejected);
    }
}
