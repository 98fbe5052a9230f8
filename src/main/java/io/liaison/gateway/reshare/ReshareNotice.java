package io.liaison.gateway.reshare;

import io.liaison.gateway.intake.NoticeFile;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The notice file an approved proposal becomes: a normal NISC notice, so it goes through the same intake,
 * policy (agreement gate, level, sectors, interdependency), numbering and channels as any other. It names
 * no source: the link to the report stays in the proposal.
 */
final class ReshareNotice {
    private ReshareNotice() {
    }

    static NoticeFile file(ReshareProposal p, String fromPoc) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("sectors", p.sectors());
        target.put("include_dependent_sectors", p.includeDependents());
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("kind", p.kind().yamlName());
        notice.put("level", p.level().label());
        notice.put("exercise", p.exercise());
        notice.put("from", fromPoc);
        notice.put("title", p.title());
        notice.put("summary", p.summary());
        notice.put("body", p.body());
        notice.put("target", target);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        String yaml = new Yaml(options).dump(notice);
        return new NoticeFile("re-share " + p.label(), yaml.getBytes(StandardCharsets.UTF_8));
    }
}
