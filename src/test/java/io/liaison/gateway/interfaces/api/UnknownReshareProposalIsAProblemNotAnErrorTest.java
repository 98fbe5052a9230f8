package io.liaison.gateway.interfaces.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asking NISC's API for a re-share proposal that does not exist — to read, approve or reject it, by a label that
 * names nothing or by text that is no label at all — is a 404 problem saying so, never a 422 or a 500. A role the
 * table does not let ask is a 403 whether or not the proposal exists: it learns nothing about which do.
 */
class UnknownReshareProposalIsAProblemNotAnErrorTest {
    @TempDir
    Path work;

    @Test
    void unknownProposalIsNotFound() throws Exception {
        try (ApiFixture api = new ApiFixture(work)) {
            int key = 0;
            for (String label : List.of("RS-0999", "nothing-like-a-label")) {
                HttpResponse<String> shown = api.as("kimura", "GET", "/api/v1/reshares/" + label, null, null);
                assertEquals(404, shown.statusCode(), shown.body());
                assertTrue(shown.body().contains("no re-share proposal"), shown.body());
                assertTrue(shown.headers().firstValue("Content-Type").orElse("").contains("problem+json"), shown.headers().toString());

                HttpResponse<String> approved = api.as("kimura", "POST", "/api/v1/reshares/" + label + "/approve", "{}",
                        "unknown-approve-" + (++key));
                assertEquals(404, approved.statusCode(), approved.body());
                HttpResponse<String> rejected = api.as("kimura", "POST", "/api/v1/reshares/" + label + "/reject",
                        "{\"reason\":\"no such proposal\"}", "unknown-reject-" + (++key));
                assertEquals(404, rejected.statusCode(), rejected.body());
                assertTrue(rejected.body().contains("no re-share proposal"), rejected.body());

                HttpResponse<String> byLiaison = api.as("yamada", "GET", "/api/v1/reshares/" + label, null, null);
                assertEquals(403, byLiaison.statusCode(), byLiaison.body());
                HttpResponse<String> bySoc = api.as("nakamura", "POST", "/api/v1/reshares/" + label + "/reject",
                        "{\"reason\":\"no\"}", "unknown-reject-soc-" + (++key));
                assertEquals(403, bySoc.statusCode(), bySoc.body());
            }
        }
    }
}
