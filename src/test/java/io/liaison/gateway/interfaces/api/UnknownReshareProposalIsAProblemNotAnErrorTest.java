package io.liaison.gateway.interfaces.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asking NISC's API for a re-share proposal that does not exist is a 422 problem saying so, never a 500. */
class UnknownReshareProposalIsAProblemNotAnErrorTest {
    @TempDir
    Path work;

    @Test
    void unknownProposalIsAProblem() throws Exception {
        try (ApiFixture api = new ApiFixture(work)) {
            HttpResponse<String> r = api.as("kimura", "GET", "/api/v1/reshares/RS-0999", null, null);
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(r.body().contains("no re-share proposal"), r.body());
        }
    }
}
