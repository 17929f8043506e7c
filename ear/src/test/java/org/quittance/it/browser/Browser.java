package org.quittance.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Headless Chromium (Debian's chromium and chromium-driver) driven by Selenium, with the waits a
 * PrimeFaces page needs and screenshots kept in target/screenshots for people to look at.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path AXE = Path.of("target", "axe");
    private static final org.openqa.selenium.Dimension PHONE = new org.openqa.selenium.Dimension(390, 844);
    /** Off only to survey a page's findings without stopping at the first (-Dquittance.axe.enforce=false). */
    private static final boolean ENFORCED = Boolean.parseBoolean(System.getProperty("quittance.axe.enforce", "true"));
    private static final String AXE_SCRIPT = axeScript();
    private static final Path KEYBOARD = Path.of("target", "keyboard");
    private static final int TAB_STOPS = 25;
    private static final String DATE_PICKERS_ON_FOCUS = """
            Object.values((window.PrimeFaces && PrimeFaces.widgets) || {}).forEach(w => {
                try {
                    const picker = w.jq && w.jq.data && w.jq.data().primeDatePicker;
                    if (picker) { picker.options.showOnFocus = arguments[0]; }
                } catch (e) { }
            });""";
    /** Off only to survey the Tab walks (-Dquittance.keyboard.enforce=false). */
    private static final boolean KEYBOARD_ENFORCED = Boolean.parseBoolean(System.getProperty("quittance.keyboard.enforce", "true"));

    private final WebDriver driver;
    private final String baseUrl;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        for (String tool : new String[]{"quittance.chromium:/usr/bin/chromium", "quittance.chromedriver:/usr/bin/chromedriver"}) {
            String[] kv = tool.split(":");
            if (!new File(System.getProperty(kv[0], kv[1])).canExecute()) {
                throw new IllegalStateException(System.getProperty(kv[0], kv[1]) + " is missing: the browser tests need Debian's "
                        + "chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does it)");
            }
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("quittance.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                    "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("quittance.chromedriver", "/usr/bin/chromedriver")))
                    .build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a page; every page a test opens is checked by axe-core, as every page it photographs. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        settle();
        String name = "opened" + driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceAll("[^A-Za-z0-9]+", "-");
        assertAccessible(name);
        assertKeyboardVisible(name);
        return this;
    }

    /**
     * Walks the page with the Tab key (the first {@value #TAB_STOPS} stops) and checks that each stop
     * shows where the focus is: an outline or a shadow on the element, or PrimeFaces' focus state on the
     * widget whose hidden input holds the focus. The walk is written to target/keyboard for people to read.
     */
    public Browser assertKeyboardVisible(String name) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Object scrolled = js.executeScript("return window.scrollY;");
        // Tab from the top of the page: a marker before everything holds the focus, so the first Tab
        // goes to the page's first stop (a blur would leave the starting point where the focus was).
        // A date field opens its calendar on focus, and the calendar keeps the Tab key: not during the walk.
        js.executeScript(DATE_PICKERS_ON_FOCUS, false);
        js.executeScript("""
                document.activeElement && document.activeElement.blur();
                const start = document.createElement('span');
                start.id = 'q-tab-start'; start.tabIndex = -1;
                document.body.prepend(start); start.focus();""");
        List<String> stops = new java.util.ArrayList<>();
        List<String> invisible = new java.util.ArrayList<>();
        String first = null;
        for (int i = 0; i < TAB_STOPS; i++) {
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
            String stop = (String) js.executeScript("""
                    const el = document.activeElement;
                    if (!el || el === document.body) return null;
                    const seen = e => { const s = getComputedStyle(e);
                        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
                            || e.classList.contains('ui-state-focus'); };
                    // A PrimeFaces widget keeps the focus in a hidden input and shows it on a part of itself.
                    const hidden = el.closest('.ui-helper-hidden-accessible');
                    const widget = hidden ? hidden.parentElement : el.closest('.ui-toggleswitch, .ui-chkbox, .ui-radiobutton, .ui-selectonemenu');
                    const shown = (!hidden && seen(el)) || (widget !== null && (seen(widget) || [...widget.querySelectorAll('*')].some(seen)));
                    const what = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "'
                        + (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '"';
                    return (shown ? 'visible ' : 'INVISIBLE ') + what;""");
            if (stop == null || stop.equals(first)) {
                break;
            }
            first = first == null ? stop : first;
            stops.add(stop);
            if (stop.startsWith("INVISIBLE")) {
                invisible.add(stop);
            }
        }
        // Leave the page as it was: no focus, date fields as they were, the same scroll position.
        js.executeScript(DATE_PICKERS_ON_FOCUS, true);
        js.executeScript("""
                document.activeElement && document.activeElement.blur();
                const start = document.getElementById('q-tab-start'); start && start.remove();
                window.scrollTo(0, arguments[0]);""", scrolled);
        try {
            Files.createDirectories(KEYBOARD);
            Files.write(KEYBOARD.resolve(name + ".txt"), stops);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!invisible.isEmpty() && KEYBOARD_ENFORCED) {
            throw new AssertionError("The focus cannot be seen at " + invisible.size() + " Tab stop(s) of " + name + ":\n" + String.join("\n", invisible));
        }
        return this;
    }

    public Browser signIn(String path, String user, String password) {
        open(path);
        type(By.id("j_username"), user);
        type(By.id("j_password"), password);
        driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        settle();
        if (driver.getCurrentUrl().contains("login")) {
            throw new IllegalStateException("Sign-in as " + user + " failed: " + text());
        }
        return this;
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks, finding the element again if an AJAX update replaced it between finding and clicking. */
    public Browser click(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by)).click();
                break;
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
                settle();
            }
        }
        settle();
        return this;
    }

    public Browser type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * Chooses in a PrimeFaces autoComplete (a picker that searches as you type): types the text and
     * clicks the first suggestion whose label contains it.
     */
    public Browser pick(String autoCompleteId, String text) {
        String css = "#" + autoCompleteId.replace(":", "\\:");
        WebElement input = find(By.cssSelector(css + "_input"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(text);
        click(By.xpath("//*[@id='" + autoCompleteId + "_panel']//li[contains(@data-item-label, '" + text + "')]"));
        return this;
    }

    /** Chooses an item of a PrimeFaces selectOneMenu by part of its label, retrying while its panel animates. */
    public Browser choose(String menuId, String labelPart) {
        String css = "#" + menuId.replace(":", "\\:");
        for (int attempt = 1; ; attempt++) {
            WebElement menu = find(By.cssSelector(css));
            // Centre the menu first, so that its panel opens inside the window and not under the header.
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", menu);
            click(By.cssSelector(css + " .ui-selectonemenu-trigger"));
            find(By.cssSelector(css + "_panel"));
            By item = By.xpath("//div[@id='" + menuId + "_panel']//li[contains(@data-label, '" + labelPart + "')]");
            try {
                click(item);
            } catch (org.openqa.selenium.ElementClickInterceptedException e) {
                ((JavascriptExecutor) driver).executeScript("arguments[0].click();", driver.findElement(item));
                settle();
            }
            if (shows(By.cssSelector(css + "_label"), labelPart)) {
                return this;
            }
            if (attempt == 3) {
                throw new IllegalStateException("Could not choose '" + labelPart + "' in " + menuId);
            }
        }
    }

    /** Whether the element shows the text, reading again if an AJAX update replaces it under us. */
    private boolean shows(By by, String text) {
        for (int i = 0; ; i++) {
            try {
                return find(by).getText().contains(text);
            } catch (StaleElementReferenceException e) {
                if (i == 10) {
                    throw e;
                }
                settle();
            }
        }
    }

    /**
     * The page's text. A click that submits a whole form returns before the browser has replaced the
     * page, so the body read here may go stale under us: read again until the new page stands.
     */
    public String text() {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    settle();
                    return d.findElement(By.tagName("body")).getText();
                });
    }

    /** Waits for the text on the page; if it never comes, says what the page showed instead (and keeps its screenshot). */
    public Browser waitForText(String text, Duration timeout) {
        try {
            awaitText(text, timeout);
        } catch (org.openqa.selenium.TimeoutException e) {
            String shown;
            String state;
            long at = System.currentTimeMillis();
            try {
                Files.createDirectories(SCREENSHOTS);
                Files.write(SCREENSHOTS.resolve("failed-" + at + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                shown = driver.findElement(By.tagName("body")).getText();
                // Whether the page was still loading or had been replaced, and where the focus was: a lost click
                // and a slow server look alike on the screen. The servers' threads say what they were doing.
                state = String.valueOf(((JavascriptExecutor) driver).executeScript("""
                        const nav = performance.getEntriesByType('navigation')[0];
                        return 'readyState ' + document.readyState + ', focus ' + (document.activeElement && (document.activeElement.id || document.activeElement.tagName))
                            + ', navigation ' + (nav && nav.type) + ', page age ' + Math.round(performance.now()) + ' ms';"""));
                serverThreads(SCREENSHOTS.resolve("failed-" + at + "-server-threads.txt"));
            } catch (RuntimeException | IOException unreadable) {
                shown = "(unreadable: " + unreadable.getMessage() + ")";
                state = "";
            }
            throw new AssertionError("\"" + text + "\" did not appear within " + timeout.toSeconds() + " s at " + driver.getCurrentUrl()
                    + " (" + state + "); the page shows:\n" + shown, e);
        }
        return this;
    }

    /** The test servers' thread dumps (jcmd of the JDK that runs the tests), for a failure's record. */
    private static void serverThreads(Path file) {
        try {
            StringBuilder dump = new StringBuilder();
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            for (ProcessHandle server : ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("jboss-modules")).toList()) {
                Process threads = new ProcessBuilder(jcmd, String.valueOf(server.pid()), "Thread.print").redirectErrorStream(true).start();
                dump.append(new String(threads.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                threads.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            Files.writeString(file, dump);
        } catch (IOException | RuntimeException e) {
            // a record for people only: the failure itself is reported anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitText(String text, Duration timeout) {
        new WebDriverWait(driver, timeout)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return d.findElement(By.tagName("body")).getText().contains(text);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        // An AJAX update replaced the node between finding and reading it: read again.
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return false;
                        }
                        throw e;
                    }
                });
    }

    /**
     * Waits until no PrimeFaces AJAX request is running, and no button still shows one: PrimeFaces keeps a
     * button busy (spinner, hidden text, disabled) for its minimum loading animation after the request ends,
     * and a page judged or clicked in that moment is not the page a person sees (axe found the busy button's
     * text, under load).
     */
    public void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (typeof jQuery === 'undefined' || jQuery.active === 0)"
                        + " && document.querySelector('.ui-state-loading') === null;")));
    }

    /**
     * A screenshot for people to look at, at the window's width and again at a phone's (390 px, as
     * {@code <name>-390.png}, unless the window is that narrow already); every screen photographed is
     * also checked by axe-core.
     */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            assertAccessible(name);
            org.openqa.selenium.Dimension size = driver.manage().window().getSize();
            if (size.getWidth() > PHONE.getWidth()) {
                driver.manage().window().setSize(PHONE);
                settle();
                Files.write(SCREENSHOTS.resolve(name + "-390.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                if (driver.getCurrentUrl().contains("/portal/")) {
                    // A client's screen reflows on a phone (WCAG 1.4.10): nothing wider than the screen.
                    Object overflow = ((JavascriptExecutor) driver).executeScript(
                            "return document.documentElement.scrollWidth - window.innerWidth;");
                    if (((Number) overflow).intValue() > 0) {
                        throw new AssertionError(name + " is wider than a phone screen by " + overflow + " px (" + driver.getCurrentUrl() + ")");
                    }
                }
                driver.manage().window().setSize(size);
                // The page reflows after the window has its size again, not when setSize returns: a click
                // aimed before that lands where the phone's layout had the element (two lost clicks seen).
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d)
                        .executeScript("return window.innerWidth;")).intValue() > PHONE.getWidth());
                settle();
                ((JavascriptExecutor) driver).executeAsyncScript(
                        "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
            }
            assertKeyboardVisible(name);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * WCAG 2.1 A and AA as axe-core checks them, on the page as it stands: no serious or critical
     * violation. Each page's findings (of every impact) are written to target/axe for people to read.
     */
    public Browser assertAccessible(String name) {
        List<String> findings = accessibilityFindings();
        try {
            Files.createDirectories(AXE);
            Files.write(AXE.resolve(name + ".txt"), findings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> serious = findings.stream().filter(f -> f.startsWith("serious") || f.startsWith("critical")).toList();
        if (!serious.isEmpty() && ENFORCED) {
            throw new AssertionError("axe-core: " + serious.size() + " serious or critical violation(s) on " + name + " ("
                    + driver.getCurrentUrl() + "):\n" + String.join("\n", serious));
        }
        return this;
    }

    /** One line per violated rule: impact, rule, what it asks, and where (the first few elements). */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityFindings() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // Colours are judged as they stand, not halfway through a dialog's fade or a button's transition (a
        // contrast finding behind a modal's overlay came and went under load): wait for jQuery's animations
        // and the page's CSS transitions to end.
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                return (typeof jQuery === 'undefined' || jQuery(':animated').length === 0)
                    && document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);""")));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined';"))) {
            js.executeScript(AXE_SCRIPT);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '
                        + v.nodes.length + ' element(s): ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | '))))
                   .catch(e => done(['critical axe-error: ' + e]));""");
        return (List<String>) result;
    }

    /** axe-core itself, as the Deque artifact ships it (only its script is used, not its Selenium wrapper). */
    private static String axeScript() {
        try (var in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
