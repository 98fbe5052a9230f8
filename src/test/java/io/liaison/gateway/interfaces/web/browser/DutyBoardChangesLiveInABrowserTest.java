package io.liaison.gateway.interfaces.web.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.ContactChannel;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.testing.HeadlessChromium;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The duty board open in Chromium changes by itself (server-sent events, no reload by the user): a notice sent
 * meanwhile appears with its channels' states once the SMSC accepts, and when the power CEPTOAR confirms by
 * replying "OK code" to its SMS (over SMPP, as a phone would), its row turns confirmed.
 */
class DutyBoardChangesLiveInABrowserTest {
    private static final Pattern CODE = Pattern.compile("reply ([A-Z0-9]{4,16}) to confirm");

    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();

    @TempDir
    Path work;

    @Test
    void boardShowsTheSendAndTheSmsConfirmationWithoutAReload() throws Exception {
        try (BrowserConsole console = new BrowserConsole(work, browser)) {
            console.actAs("sato");
            console.until(d -> d.findElement(By.id("in-flight")));
            Object marker = ((org.openqa.selenium.JavascriptExecutor) console.driver()).executeScript("window.__stay = 'same page'; return 1;");
            assertTrue(marker != null);

            String reference = console.gateway.send(Notices.earlyWarning()).reference();
            console.until(d -> d.findElement(By.id("in-flight")).getText().contains(reference));
            console.until(d -> d.findElement(By.id("in-flight")).getText().contains("sms: "));
            browser.screenshot(getClass().getSimpleName() + ".sent");

            String number = console.gateway.directory().pointOfContact("power-ceptoar-duty").flatMap(p -> p.channel(ChannelKind.SMS))
                    .map(ContactChannel::address).orElseThrow();
            InProcessSmsc smsc = console.harness.smsc;
            InProcessSmsc.ReceivedSms sms = smsc.awaitCount(1, Duration.ofSeconds(30)).stream()
                    .filter(s -> s.destination().equals(number) && s.text().contains(reference)).findFirst().orElseThrow();
            Matcher code = CODE.matcher(sms.text());
            assertTrue(code.find(), sms.text());
            smsc.injectReply(number, "NISC-LGW", "OK " + code.group(1));

            console.until(d -> d.findElements(By.xpath("//section[@id='in-flight']//tr[td[1][normalize-space()='power-ceptoar']]"
                    + "/td[contains(@class,'ok')]")).size() > 0);
            Object same = ((org.openqa.selenium.JavascriptExecutor) console.driver()).executeScript("return window.__stay;");
            assertTrue("same page".equals(same), "the board changed in place, the page was not reloaded");
        }
    }
}
