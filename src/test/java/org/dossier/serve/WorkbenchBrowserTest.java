package org.dossier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench in a real Chromium (Debian's {@code chromium} and {@code chromium-driver}; skipped
 * without them): search, open a document, follow a dispute's claim to its highlighted passage;
 * pages built from hostile documents raise no alert and log no error. Screenshots of the main
 * pages go to {@code target/screenshots/}.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path dir;
  static Workbench bench;
  static WebDriver browser;
  static String base;
  static String key;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Chromium is not installed (apt-get install chromium chromium-driver): the browser tests are skipped");
    Path caseDir = WorkbenchTest.buildCase(dir);
    bench = Workbench.start(List.of(caseDir), "127.0.0.1", 0);
    base = "http://127.0.0.1:" + bench.port();
    key = Workbench.key(caseDir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,900", "--no-first-run", "--disable-extensions");
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (bench != null) {
      bench.close();
    }
  }

  private static void shoot(String name) throws Exception {
    Path out = Path.of("target", "screenshots");
    Files.createDirectories(out);
    Files.write(out.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** No alert is open and the console holds no error or warning (a blocked script would log one). */
  private static void quiet(String where) {
    boolean alert = true;
    try {
      new WebDriverWait(browser, Duration.ofMillis(300)).until(ExpectedConditions.alertIsPresent());
    } catch (org.openqa.selenium.TimeoutException e) {
      alert = false;
    }
    assertFalse(alert, "an alert opened on " + where);
    List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
    List<String> bad = entries.stream().filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::getMessage).filter(m -> !m.contains("favicon.ico")).toList();
    assertTrue(bad.isEmpty(), where + ": " + bad);
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void searchOpenADocumentAndFollowADisputeToItsPassage() throws Exception {
    browser.get(base + "/cases/" + key);
    quiet("the search page");
    WebElement box = browser.findElement(By.name("q"));
    box.sendKeys("Vetrov");
    box.submit();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.doc")));
    assertTrue(browser.findElements(By.cssSelector(".snippet mark")).size() > 0, "highlighted snippets");
    shoot("search");
    quiet("the results");
    browser.findElements(By.cssSelector("a.doc")).get(0).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("pre.text")));
    assertTrue(browser.findElement(By.cssSelector("h1.docname")).getText().length() > 0);
    shoot("document");
    quiet("a document");
    browser.findElement(By.linkText("Facts")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.fact")));
    shoot("facts");
    quiet("the facts");
    WebElement claim = browser.findElement(By.cssSelector("section.fact.status-conflict ul.claims a"));
    String quote = claim.getText().replace("“", "").replace("”", "");
    claim.click();
    WebElement passage = new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("passage")));
    assertTrue(browser.getCurrentUrl().endsWith("#passage"), browser.getCurrentUrl());
    assertTrue(quote.startsWith(passage.getText()), passage.getText() + " | " + quote);
    // the passage is scrolled into view
    Object top = ((JavascriptExecutor) browser).executeScript("return arguments[0].getBoundingClientRect().top;", passage);
    double y = ((Number) top).doubleValue();
    assertTrue(y >= 0 && y < 900, "the passage is at " + y);
    assertEquals("rgba(253, 230, 138, 1)", passage.getCssValue("background-color"));
    shoot("passage");
    quiet("the passage");
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void hostileDocumentsRaiseNoAlertAndLogNoError() throws Exception {
    browser.get(base + "/cases/" + key + "?q=Korvane");
    quiet("hostile search results");
    List<WebElement> docs = browser.findElements(By.cssSelector("a.doc"));
    assertTrue(docs.size() >= 2, "both hostile documents are found");
    List<String> urls = docs.stream().map(d -> d.getAttribute("href")).toList();
    for (String url : urls) {
      browser.get(url);
      quiet(url);
      assertTrue(browser.findElements(By.tagName("script")).isEmpty(), "no script element on " + url);
      assertTrue(browser.findElements(By.tagName("img")).isEmpty(), "no img element on " + url);
      assertTrue(browser.findElements(By.tagName("svg")).isEmpty(), "no svg element on " + url);
    }
    // the hostile file name is shown as text
    browser.get(base + "/cases/" + key + "?q=Korvane");
    assertTrue(browser.getPageSource().contains("&lt;img src=x onerror=alert(1)&gt;.txt"));
    browser.get(base + "/cases/" + key + "/signals");
    shoot("signals");
    quiet("the signals");
    for (String page : List.of("timeline", "sources", "coverage", "entities")) {
      browser.get(base + "/cases/" + key + "/" + page);
      quiet("the " + page);
      shoot(page);
    }
    assertTrue(browser.findElements(By.tagName("script")).isEmpty());
  }

  /** Reloads {@code path} until the page no longer says the case is being brought up to date. */
  private static void settled(String path) throws Exception {
    for (int i = 0; i < 120; i++) {
      browser.get(base + path);
      if (browser.findElements(By.cssSelector(".updating")).isEmpty()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("still being updated: " + path);
  }

  @Test
  @org.junit.jupiter.api.Order(3)
  void markingAClaimWrongChangesTheFactsAndTheReport() throws Exception {
    settled("/cases/" + key + "/report");
    String quoted = browser.findElement(By.cssSelector("ol.notes")).getText();
    settled("/cases/" + key + "/facts");
    WebElement claim = browser.findElement(By.cssSelector("section.fact.status-conflict li.claim"));
    String quote = claim.findElement(By.cssSelector("a")).getText().replace("“", "").replace("”", "");
    assertTrue(quoted.contains(quote), "the report quotes " + quote + " before");
    claim.findElement(By.cssSelector("details.judge summary")).click();
    claim.findElement(By.name("reason")).sendKeys("misread: the year of another meeting");
    claim.findElement(By.cssSelector("button.mark-claim")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/facts"));
    quiet("the facts after a judgement");
    settled("/cases/" + key + "/facts");
    shoot("facts-judged");
    long left = browser.findElements(By.cssSelector("li.claim a")).stream()
        .filter(a -> a.getText().replace("“", "").replace("”", "").equals(quote)).count();
    settled("/cases/" + key + "/report");
    String after = browser.findElement(By.cssSelector("ol.notes")).getText();
    assertFalse(after.equals(quoted), "the report changed");
    shoot("report");
    quiet("the report");
    browser.get(base + "/cases/" + key + "/judgements");
    assertTrue(browser.findElement(By.cssSelector("table.judgements")).getText().contains("misread"));
    shoot("judgements");
    assertTrue(left < 2, "the claim left its fact (" + left + " left with that quote)");
  }
}
