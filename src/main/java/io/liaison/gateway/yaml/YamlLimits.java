package io.liaison.gateway.yaml;

/**
 * Bounds on a YAML (or JSON) document, applied while it is read, before any value is built.
 *
 * @param maxDepth       nesting of mappings and lists
 * @param maxAliases     aliases (*name) to collections; each one is a reference, never a copy
 * @param maxNumberChars characters of one number as written; converting a long one costs quadratic time
 * @param maxStringChars characters of one scalar (string, key)
 * @param maxCodePoints  characters of the whole document
 */
public record YamlLimits(int maxDepth, int maxAliases, int maxNumberChars, int maxStringChars, int maxCodePoints) {
    public YamlLimits {
        if (maxDepth < 1 || maxAliases < 0 || maxNumberChars < 1 || maxStringChars < 1 || maxCodePoints < 1) {
            throw new IllegalArgumentException("YAML limits must be positive (aliases may be 0)");
        }
    }

    /** What the gateway's own documents need, with room to spare. */
    public static YamlLimits defaults() {
        return new YamlLimits(10, 10, 40, 65_536, 1_048_576);
    }

    /** For operator files (notices, the directory): the same bounds, but room for a directory of thousands of entries. */
    public static YamlLimits operatorFiles() {
        return new YamlLimits(20, 20, 40, 65_536, 32 * 1_048_576);
    }
}
