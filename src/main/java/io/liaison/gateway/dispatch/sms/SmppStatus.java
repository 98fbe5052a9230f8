package io.liaison.gateway.dispatch.sms;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import org.jsmpp.SMPPConstant;

/** SMPP command_status values: their names for failure reasons, and which ones are worth retrying. */
final class SmppStatus {

    private static final Map<Integer, String> NAMES = namesFromJsmpp();

    private SmppStatus() {
    }

    /** e.g. {@code ESME_RINVDSTADR (0x0000000B)}; unknown (vendor) codes show as hex only. */
    static String describe(int commandStatus) {
        String hex = String.format("0x%08X", commandStatus);
        String name = NAMES.get(commandStatus);
        return name == null ? "command_status " + hex : name + " (" + hex + ")";
    }

    /**
     * The SMSC is busy rather than refusing the message: throttling, a full queue, or an explicit temporary
     * application error. Everything else is a verdict on the message or account and retrying will not help.
     */
    static boolean isTemporary(int commandStatus) {
        return commandStatus == SMPPConstant.STAT_ESME_RTHROTTLED
                || commandStatus == SMPPConstant.STAT_ESME_RMSGQFUL
                || commandStatus == SMPPConstant.STAT_ESME_RX_T_APPN;
    }

    static boolean isThrottling(int commandStatus) {
        return commandStatus == SMPPConstant.STAT_ESME_RTHROTTLED || commandStatus == SMPPConstant.STAT_ESME_RMSGQFUL;
    }

    // jSMPP already lists every SMPP 3.4/5.0 status as STAT_<name>; reading them keeps us from a second table.
    private static Map<Integer, String> namesFromJsmpp() {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : SMPPConstant.class.getFields()) {
            if (field.getName().startsWith("STAT_") && field.getType() == int.class
                    && Modifier.isStatic(field.getModifiers())) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName().substring("STAT_".length()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(names);
    }
}
