package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.ParleyServer.get;
import static org.parley.it.ParleyServer.post;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import jakarta.json.JsonObject;
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
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

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
        ChromeDriver browser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
            // 0. the console asks who they are first, then takes them where they were going
            browser.get("http://127.0.0.1:" + ParleyServer.HTTP_PORT + "/rules.html");
            browser.findElement(By.id("username")).sendKeys(ParleyServer.ANALYST);
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.id("login")).click();
            wait.withMessage("the rules to load").until(d -> Boolean.TRUE.equals(
                    browser.executeScript("return window.parley !== undefined && window.parley.ready === true;")));
            assertThat(browser.executeScript("return typeof CodeMirror;")).isEqualTo("function");
            wait.withMessage("the user's name").until(textToBePresentInElementLocated(By.id("user"), "ana.lyst"));
            browser.findElement(By.cssSelector("#files button[data-path='routing.drl']")).click();
            assertThat(browser.executeScript("return parley.state.current;")).isEqualTo("routing.drl");

            // 1. the analyst mistypes a field name in a rule
            long line = (Long) browser.executeScript("""
                    const cm = parley.editor;
                    for (let i = 0; i < cm.lineCount(); i++) {
                      const at = cm.getLine(i).indexOf('Caller( withheld )');
                      if (at >= 0) {
                        cm.replaceRange('withheldd', {line: i, ch: at + 8}, {line: i, ch: at + 16});
                        return i + 1;
                      }
                    }
                    return -1;""");
            assertThat(line).isPositive();
            browser.findElement(By.id("validate")).click();
            wait.withMessage("the validation result").until(d -> Boolean.TRUE.equals(
                    browser.executeScript("return !parley.busy && document.querySelectorAll('#problems li').length > 0;")));

            List<String> problems = texts(browser, "#problems li");
            assertThat(problems.get(0)).startsWith("routing.drl line " + line + " col ")
                    .contains("Caller has no field 'withheldd'; did you mean 'withheld'?");
            assertThat(browser.findElement(By.id("status")).getText()).contains("error");
            assertThat(browser.executeScript("return parley.editor.lineInfo(arguments[0] - 1).bgClass;", line)).isEqualTo("error-line");

            // 2. fixes it, makes the change they meant (a warmer goodbye) and runs the scenarios
            browser.executeScript("""
                    const cm = parley.editor;
                    cm.setValue(cm.getValue().replace('Caller( withheldd )', 'Caller( withheld )')
                                             .replace('hangup( "goodbye" )', 'hangup( "goodbye-thanks" )'));""");
            browser.findElement(By.id("test")).click();
            wait.withMessage("the scenario results").until(d -> Boolean.TRUE.equals(browser.executeScript(
                    "return !parley.busy && /scenario\\(s\\) passed/.test(document.getElementById('status').textContent);")));
            assertThat(browser.findElement(By.id("status")).getText()).endsWith(", 0 failed");
            assertThat(texts(browser, "#problems li")).isEmpty();
            assertThat(browser.executeScript("return parley.editor.lineInfo(arguments[0] - 1).bgClass;", line)).isNull();
            assertThat(texts(browser, "#scenarios tr.pass")).hasSizeGreaterThanOrEqualTo(35);
            assertThat(texts(browser, "#scenarios tr.fail")).isEmpty();

            // 3. publishes with a comment: the new version serves and heads the history
            browser.findElement(By.id("comment")).sendKeys("warmer goodbye");
            browser.findElement(By.id("publish")).click();
            wait.withMessage("the publish").until(d -> Boolean.TRUE.equals(browser.executeScript(
                    "return !parley.busy && /^Published v/.test(document.getElementById('status').textContent);")));

            int published = servingNumber();
            assertThat(published).isGreaterThan(original);
            JsonObject version = get("/api/rules/versions/" + published).body().asJsonObject();
            assertThat(version.getJsonObject("version").getString("author")).isEqualTo("ana.lyst");
            assertThat(version.getJsonObject("version").getString("comment")).isEqualTo("warmer goodbye");
            assertThat(version.getJsonArray("files").getValuesAs(JsonObject.class).stream()
                    .filter(f -> f.getString("path").equals("routing.drl")).findFirst().orElseThrow().getString("content"))
                    .contains("hangup( \"goodbye-thanks\" )").doesNotContain("withheldd");
            assertThat(browser.findElement(By.cssSelector("#versions tr:first-child")).getText())
                    .startsWith("v" + published + " (serving)").contains("ana.lyst", "warmer goodbye");
            assertThat(browser.findElement(By.id("serving")).getText()).startsWith("v" + published);
        } finally {
            browser.quit();
            post("/api/rules/rollback", "{\"version\":" + original + "}");
        }
    }

    /** The text of each element the selector finds, as the page has it (hidden ones too). */
    @SuppressWarnings("unchecked")
    private static List<String> texts(ChromeDriver browser, String css) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);", css);
    }
}
