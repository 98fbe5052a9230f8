package io.liaison.gateway.interfaces.web.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.application.Action;
import io.liaison.gateway.application.ActionRefusedException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The console words every refusal in the reader's language: each action and each rule that can refuse has a
 * label in Japanese and in English (a new action or rule without one would show its key on the 403 page).
 */
class EveryRefusalHasWordsInBothLanguagesTest {

    @Test
    void everyActionAndEveryRuleIsLabelledInJapaneseAndEnglish() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String language : List.of("ja", "en")) {
            Properties labels = new Properties();
            try (var in = getClass().getResourceAsStream("/console/console_" + language + ".properties")) {
                labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Action a : Action.values()) {
                if (labels.getProperty("action." + a.code(), "").isBlank()) {
                    missing.add(language + ": action." + a.code());
                }
            }
            for (ActionRefusedException.Rule r : ActionRefusedException.Rule.values()) {
                if (labels.getProperty("refused." + r.code(), "").isBlank()) {
                    missing.add(language + ": refused." + r.code());
                }
            }
        }
        assertTrue(missing.isEmpty(), "labels missing: " + missing);
    }
}
