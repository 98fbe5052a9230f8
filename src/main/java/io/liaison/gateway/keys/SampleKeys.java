package io.liaison.gateway.keys;

/** How sample (demo-only) keys are recognised: a marker in every user ID they carry. */
public final class SampleKeys {
    /** Present in the user ID of every key in keys-sample/. */
    public static final String USER_ID_MARKER = "SAMPLE KEY - DEMO ONLY";

    private SampleKeys() {
    }

    public static boolean isSampleUserId(String userId) {
        return userId != null && userId.contains(USER_ID_MARKER);
    }
}
