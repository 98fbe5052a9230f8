package io.liaison.gateway.reshare;

import io.liaison.gateway.marking.Tlp;
import java.util.List;
import java.util.Optional;

/**
 * What NISC asks for: re-share this incident's report (the latest, or number {@code reportNumber}) on these grounds.
 *
 * @param level     empty: the reporter's own level
 * @param sectors   empty: the reporter's sectors
 * @param redact    extra terms to remove that the directory does not know (a plant, the company's Japanese name)
 */
public record ReshareRequest(String incidentKey, Optional<Integer> reportNumber, Grounds grounds, Optional<Tlp> level,
                             List<String> sectors, boolean includeDependents, List<String> redact) {
    public ReshareRequest {
        sectors = List.copyOf(sectors);
        redact = List.copyOf(redact);
    }
}
