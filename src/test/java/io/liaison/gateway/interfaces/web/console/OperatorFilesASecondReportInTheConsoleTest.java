package io.liaison.gateway.interfaces.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * East Power's SOC files 第1報 and then 第2報 of one incident in the console's form: each gets a receipt
 * with its number and the reference it was relayed under, the thread shows both, NISC reads it, West
 * Power does not even learn it exists. A report without a contact person is refused naming the field,
 * and nothing is stored.
 */
class OperatorFilesASecondReportInTheConsoleTest {
    @TempDir
    Path work;

    @Test
    void secondReportGetsItsNumberAndTheThreadShowsBoth() throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(work)) {
            String key1 = ConsoleFixture.hidden(console.get("nakamura", "/incidents/new").body(), "key");
            HttpResponse<String> first = console.post("nakamura", "/incidents/new", ConsoleFixture.form("key", key1,
                    "incident", "EP-2026-0042", "contact.person", "山田 (SOC当番)", "contact.phone", "+81312340001",
                    "summary", "制御系サーバの不審な通信"));
            assertEquals(200, first.statusCode(), first.body());
            assertTrue(first.body().contains("第1報"), first.body());

            String key2 = ConsoleFixture.hidden(console.get("nakamura", "/incidents/new?incident=EP-2026-0042").body(), "key");
            HttpResponse<String> second = console.post("nakamura", "/incidents/new", ConsoleFixture.form("key", key2,
                    "incident", "EP-2026-0042", "contact.person", "山田 (SOC当番)", "contact.email", "soc@east-power.example",
                    "tlp", "TLP:AMBER", "event_type", "malware-infection", "causes", "suspicious-mail", "causes", "system-vulnerability",
                    "response.measures", "該当サーバを隔離"));
            assertEquals(200, second.statusCode(), second.body());
            assertTrue(second.body().contains("第2報"), second.body());
            assertTrue(second.body().contains("-INC-"), "the receipt names the relay's reference: " + second.body());

            HttpResponse<String> thread = console.get("nakamura", "/incidents/east-power/EP-2026-0042");
            assertEquals(200, thread.statusCode());
            assertTrue(thread.body().contains("第1報") && thread.body().contains("第2報"), thread.body());
            assertEquals(200, console.get("sato", "/incidents/east-power/EP-2026-0042").statusCode());
            assertEquals(404, console.get("kobayashi", "/incidents/east-power/EP-2026-0042").statusCode());
        }
    }

    @Test
    void reportWithoutContactPersonIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(work)) {
            String key = ConsoleFixture.hidden(console.get("nakamura", "/incidents/new").body(), "key");
            HttpResponse<String> r = console.post("nakamura", "/incidents/new", ConsoleFixture.form("key", key,
                    "incident", "EP-2026-0043", "contact.phone", "+81312340001"));
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("class=\"field\">contact.person<"), r.body());
            HttpResponse<String> bad = console.post("nakamura", "/incidents/new", ConsoleFixture.form("key", key,
                    "incident", "EP-2026-0043", "contact.person", "山田", "contact.phone", "not a number"));
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(bad.body().contains("class=\"field\">contact.means"), bad.body());
            assertEquals(404, console.get("nakamura", "/incidents/east-power/EP-2026-0043").statusCode(), "nothing stored");
        }
    }
}
