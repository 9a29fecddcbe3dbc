package dev.devstack.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by its own chromedriver: both by path, so that Selenium
 * Manager is never asked for a driver and nothing is downloaded at run time. A fresh profile in a
 * temporary folder per browser, and flags that keep the browser off the network (no component
 * updates, sync or background requests, and no host name resolves). Closing it quits the driver
 * and kills whatever process of this browser is left. Without chromium the test is skipped, and
 * says so, as the tmux tests are without tmux: CI installs both (.ci/run).
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * No host name resolves, so nothing leaves the machine: Debian's chromium still asks
     * update.googleapis.com and accounts.google.com with every flag above (seen in its net log), and
     * a page that fetched from a CDN would fail here rather than pass online. Names under .localhost
     * are left to chromium, which answers them with loopback itself (the agent's names, NamesBrowserIT).
     */
    private static final String NO_NAMES = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE *.localhost";
    /**
     * Quiet about the CDP bindings it does not have: the tests use WebDriver alone, and a binding per
     * Chrome version would tie the build to Debian's chromium release. Held here because the
     * logging framework keeps loggers (and so the level) only while something else does.
     */
    private static final Logger CDP_VERSIONS = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path folder;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path folder) {
        this.service = service;
        this.driver = driver;
        this.folder = folder;
    }

    static HeadlessChromium start() {
        for (Path needed : List.of(BROWSER, DRIVER)) {
            assumeTrue(Files.isExecutable(needed), needed + " is missing: the web dashboard's tests drive Debian's"
                    + " headless chromium; .ci/run installs it (apt-get install chromium chromium-driver)");
        }
        Path folder = temporaryFolder("devstack-chromium");
        Path profile = folder.resolve("profile");
        Path log = folder.resolve("chromedriver.log");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogFile(log.toFile()).withTimeout(WAIT).build();
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--window-size=" + WIDTH + "," + HEIGHT,
                "--user-data-dir=" + profile, NO_NAMES);
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT).implicitlyWait(Duration.ZERO);
            fitViewport(driver);
            return new HeadlessChromium(service, driver, folder);
        } catch (RuntimeException e) {
            service.stop();
            killBrowser(folder);
            String said = read(log);
            delete(folder);
            throw new AssertionError("headless chromium did not start; chromedriver's log:\n" + said, e);
        }
    }

    /**
     * Grows the window by what its frame takes, so that the page itself gets WIDTH x HEIGHT (what a
     * screenshot shows): --window-size sizes the whole window, even headless.
     */
    private static void fitViewport(ChromeDriver driver) {
        Dimension outer = driver.manage().window().getSize();
        @SuppressWarnings("unchecked")
        List<Long> inner = (List<Long>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
        driver.manage().window().setSize(new Dimension(WIDTH + outer.getWidth() - inner.get(0).intValue(),
                HEIGHT + outer.getHeight() - inner.get(1).intValue()));
    }

    /** Runs {@code javaScript} in every page opened from now on, before the page's own scripts. */
    void beforeEveryPage(String javaScript) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", javaScript));
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits until {@code condition} gives something other than null or false, and returns it. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(WAIT, () -> what, condition);
    }

    /** As {@link #await(String, Function)}, with {@code what} said as it is when the deadline passes. */
    <T> T await(Duration timeout, Supplier<String> what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(20)).withMessage(what).until(condition::apply);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The element that {@code css} finds, waiting until there is one. */
    WebElement find(String css) {
        return await("an element " + css + " in the page", page -> page.findElements(By.cssSelector(css)).stream()
                .findFirst().orElse(null));
    }

    Object script(String javaScript, Object... arguments) {
        return driver.executeScript(javaScript, arguments);
    }

    /** Runs a script that ends by calling its last argument, the callback, and returns what it was given. */
    Object asyncScript(String javaScript, Object... arguments) {
        return driver.executeAsyncScript(javaScript, arguments);
    }

    void screenshot(Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The processes of this browser: each runs with its profile folder among its arguments. */
    List<Long> processes() {
        return processes(folder);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            killBrowser(folder);
            delete(folder);
        }
    }

    private static List<Long> processes(Path folder) {
        String flag = "--user-data-dir=" + folder.resolve("profile");
        return ProcessHandle.allProcesses().filter(process -> process.info().arguments()
                .map(arguments -> List.of(arguments).contains(flag)).orElse(false)).map(ProcessHandle::pid).toList();
    }

    private static void killBrowser(Path folder) {
        List<Long> left = processes(folder);
        left.forEach(Processes::kill);
        Await.until(WAIT, "chromium's processes " + left + " to end after SIGKILL", () -> left.stream().noneMatch(Processes::alive));
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException gone) {
            // a profile that cannot be listed is left to the system's temporary folder cleaning
        }
    }
}
