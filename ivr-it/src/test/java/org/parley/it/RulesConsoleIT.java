package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.ParleyServer.get;
import static org.parley.it.ParleyServer.post;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analysts' page in a real headless Chromium: edit a rule, see the compile error at its line,
 * fix it, run the scenarios and publish with a comment; the new version serves and is in the history.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RulesConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive parley() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    private static int servingNumber() throws Exception {
        return get("/api/rules/versions").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getBoolean("serving")).findFirst().orElseThrow().getInt("number");
    }

    @Test
    void analystEditsSeesTheErrorAtItsLineFixesTestsAndPublishes() throws Exception {
        int original = servingNumber();
        String password = ParleyServer.user(ParleyServer.ANALYST, false, "analyst", "publisher");
        try (Browser browser = Browser.start()) {
            // 0. the console asks who they are first, then takes them where they were going
            browser.open("http://127.0.0.1:" + ParleyServer.HTTP_PORT + "/rules.html");
            browser.type("#username", ParleyServer.ANALYST);
            browser.type("#password", password);
            browser.click("#login");
            browser.waitFor("the rules to load", "return window.parley !== undefined && window.parley.ready === true;", WAIT);
            assertThat(browser.script("return typeof CodeMirror;")).hasToString("\"function\"");
            browser.waitFor("the user's name", "return document.getElementById('user').textContent.startsWith('ana.lyst');", WAIT);
            browser.click("#files button[data-path='routing.drl']");
            assertThat(browser.script("return parley.state.current;")).hasToString("\"routing.drl\"");

            // 1. the analyst mistypes a field name in a rule
            int line = ((jakarta.json.JsonNumber) browser.script("""
                    const cm = parley.editor;
                    for (let i = 0; i < cm.lineCount(); i++) {
                      const at = cm.getLine(i).indexOf('Caller( withheld )');
                      if (at >= 0) {
                        cm.replaceRange('withheldd', {line: i, ch: at + 8}, {line: i, ch: at + 16});
                        return i + 1;
                      }
                    }
                    return -1;""")).intValue();
            assertThat(line).isPositive();
            browser.click("#validate");
            browser.waitFor("the validation result", "return !parley.busy && document.querySelectorAll('#problems li').length > 0;", WAIT);

            List<String> problems = browser.texts("#problems li").getValuesAs(JsonString::getString);
            assertThat(problems.get(0)).startsWith("routing.drl line " + line + " col ")
                    .contains("Caller has no field 'withheldd'; did you mean 'withheld'?");
            assertThat(browser.text("#status")).contains("error");
            assertThat(browser.script("return parley.editor.lineInfo(arguments[0] - 1).bgClass;", line)).hasToString("\"error-line\"");

            // 2. fixes it, makes the change they meant (a warmer goodbye) and runs the scenarios
            browser.script("""
                    const cm = parley.editor;
                    cm.setValue(cm.getValue().replace('Caller( withheldd )', 'Caller( withheld )')
                                             .replace('hangup( "goodbye" )', 'hangup( "goodbye-thanks" )'));""");
            browser.click("#test");
            browser.waitFor("the scenario results", "return !parley.busy && /scenario\\(s\\) passed/.test(document.getElementById('status').textContent);", WAIT);
            assertThat(browser.text("#status")).endsWith(", 0 failed");
            assertThat(browser.texts("#problems li")).isEmpty();
            assertThat(browser.script("return parley.editor.lineInfo(arguments[0] - 1).bgClass;", line)).isEqualTo(JsonValue.NULL);
            assertThat(browser.texts("#scenarios tr.pass").size()).isGreaterThanOrEqualTo(35);
            assertThat(browser.texts("#scenarios tr.fail")).isEmpty();

            // 3. publishes with a comment: the new version serves and heads the history
            browser.type("#comment", "warmer goodbye");
            browser.click("#publish");
            browser.waitFor("the publish", "return !parley.busy && /^Published v/.test(document.getElementById('status').textContent);", WAIT);

            int published = servingNumber();
            assertThat(published).isGreaterThan(original);
            JsonObject version = get("/api/rules/versions/" + published).body().asJsonObject();
            assertThat(version.getJsonObject("version").getString("author")).isEqualTo("ana.lyst");
            assertThat(version.getJsonObject("version").getString("comment")).isEqualTo("warmer goodbye");
            assertThat(version.getJsonArray("files").getValuesAs(JsonObject.class).stream()
                    .filter(f -> f.getString("path").equals("routing.drl")).findFirst().orElseThrow().getString("content"))
                    .contains("hangup( \"goodbye-thanks\" )").doesNotContain("withheldd");
            assertThat(browser.text("#versions tr:first-child")).startsWith("v" + published + " (serving)").contains("ana.lyst", "warmer goodbye");
            assertThat(browser.text("#serving")).startsWith("v" + published);
        } finally {
            post("/api/rules/rollback", "{\"version\":" + original + "}");
        }
    }
}
