package io.liaison.gateway.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One "## " section of README.md and its fenced blocks, in order. */
record ReadmeSection(String title, String text, List<Block> blocks) {
    /** A fenced block: its language ("sh", "yaml", "properties") and its lines. */
    record Block(String language, List<String> lines) {
    }

    static ReadmeSection read(Path readme, String title) throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int start = lines.indexOf("## " + title);
        if (start < 0) {
            throw new IllegalStateException(readme + " has no section \"## " + title + "\"");
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        List<String> section = lines.subList(start, end);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < section.size(); i++) {
            String line = section.get(i);
            if (line.startsWith("```") && line.length() > 3) {
                String language = line.substring(3).strip();
                List<String> body = new ArrayList<>();
                for (i++; !section.get(i).startsWith("```"); i++) {
                    body.add(section.get(i));
                }
                blocks.add(new Block(language, List.copyOf(body)));
            }
        }
        return new ReadmeSection(title, String.join("\n", section), List.copyOf(blocks));
    }
}
