package io.liaison.gateway.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A SnakeYAML loader that only builds YAML's own types and refuses, before converting it, a number
 * longer than {@link YamlLimits#maxNumberChars()} (a 1 MiB integer costs SnakeYAML's BigInteger half a
 * minute of CPU) or any scalar longer than {@link YamlLimits#maxStringChars()}. Depth, aliases, duplicate
 * keys and document size are refused by SnakeYAML's own options, set here once for every caller.
 */
public final class BoundedYaml {
    private BoundedYaml() {
    }

    /** A fresh loader (SnakeYAML loaders are not thread-safe). */
    public static Yaml loader(YamlLimits limits) {
        return new Yaml(new BoundedConstructor(options(limits), limits, false));
    }

    /** As {@link #loader}, with timestamps kept as text so the caller can insist on its own date form. */
    public static Yaml loaderKeepingDatesAsText(YamlLimits limits) {
        return new Yaml(new BoundedConstructor(options(limits), limits, true));
    }

    /**
     * Loads one document. SnakeYAML reports its own limits as plain {@link YAMLException}s; they come out
     * of here as {@link YamlLimitException}s, so a caller can tell "too big" from "not YAML".
     */
    public static Object load(Yaml loader, String text) {
        try {
            return loader.load(text);
        } catch (YamlLimitException e) {
            throw e;
        } catch (YAMLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Nesting Depth exceeded")) {
                throw new YamlLimitException(YamlLimitException.Limit.DEPTH, "nested deeper than the limit");
            }
            if (m.contains("Number of aliases for non-scalar nodes exceeds")) {
                throw new YamlLimitException(YamlLimitException.Limit.ALIASES, "more aliases than the limit");
            }
            if (m.contains("The incoming YAML document exceeds the limit")) {
                throw new YamlLimitException(YamlLimitException.Limit.CODE_POINTS, "longer than the limit");
            }
            throw e;
        }
    }

    private static LoaderOptions options(YamlLimits limits) {
        LoaderOptions options = new LoaderOptions();
        // A key given twice would otherwise silently keep the last value.
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(limits.maxCodePoints());
        return options;
    }

    private static final class BoundedConstructor extends SafeConstructor {
        BoundedConstructor(LoaderOptions options, YamlLimits limits, boolean datesAsText) {
            super(options);
            yamlConstructors.put(Tag.INT, bounded(yamlConstructors.get(Tag.INT), limits.maxNumberChars(), "number", YamlLimitException.Limit.NUMBER_CHARS));
            yamlConstructors.put(Tag.FLOAT, bounded(yamlConstructors.get(Tag.FLOAT), limits.maxNumberChars(), "number", YamlLimitException.Limit.NUMBER_CHARS));
            yamlConstructors.put(Tag.STR, bounded(yamlConstructors.get(Tag.STR), limits.maxStringChars(), "text", YamlLimitException.Limit.STRING_CHARS));
            yamlConstructors.put(Tag.BINARY, bounded(yamlConstructors.get(Tag.BINARY), limits.maxStringChars(), "binary value", YamlLimitException.Limit.STRING_CHARS));
            yamlConstructors.put(Tag.TIMESTAMP, datesAsText ? yamlConstructors.get(Tag.STR)
                    : bounded(yamlConstructors.get(Tag.TIMESTAMP), limits.maxNumberChars(), "timestamp", YamlLimitException.Limit.NUMBER_CHARS));
        }

        private static Construct bounded(Construct inner, int max, String what, YamlLimitException.Limit limit) {
            return new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (node instanceof ScalarNode scalar && scalar.getValue().length() > max) {
                        throw new YamlLimitException(limit, "a " + what + " of " + scalar.getValue().length() + " characters at line "
                                + (node.getStartMark() == null ? "?" : String.valueOf(node.getStartMark().getLine() + 1))
                                + " is longer than the limit of " + max);
                    }
                    return inner.construct(node);
                }
            };
        }
    }
}
