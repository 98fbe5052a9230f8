package io.liaison.gateway.inbound;

/**
 * What a quarantine reason means to the person who sent the message, and what they should do, in
 * Japanese and English: the notice is read by duty staff, not by the gateway's developers.
 */
final class QuarantineAdvice {
    private static final String RESEND_JA = "登録済みの鍵で署名し、ゲートウェイの証明書宛てに暗号化して送り直してください"
            + "（PGP/MIME または S/MIME。返信には参照番号と確認コードを含めてください）。";
    private static final String RESEND_EN = "Send it again signed with your registered key and encrypted to the gateway's"
            + " certificate (PGP/MIME or S/MIME; quote the reference and your confirmation code in a reply).";
    private static final String KEY_JA = "ディレクトリに登録された鍵・証明書で署名し、登録済みのアドレスから送ってください。"
            + "鍵を替えた場合はNISCに登録の更新を依頼してください。";
    private static final String KEY_EN = "Sign with the key or certificate registered for you in the directory and send from"
            + " your registered address; if your key changed, ask NISC to update the directory.";

    private QuarantineAdvice() {
    }

    static String whatHappenedJa(ReasonCode reason) {
        return switch (reason) {
            case NOT_ENCRYPTED -> "メッセージが暗号化されていませんでした。";
            case WRONG_CONTENT_TYPE -> "ゲートウェイが受け付けない形式でした（暗号化の形式、または確認コード・文書のない内容）。";
            case UNSIGNED -> "メッセージに署名がありませんでした。";
            case DECRYPTION_FAILED -> "ゲートウェイの鍵で復号できませんでした（別の宛先向けの暗号化、または破損）。";
            case ENCRYPTED_TO_RETIRED_KEY -> "廃止されたゲートウェイの旧鍵宛てに暗号化されていました。";
            case ENCRYPTION_NESTED -> "暗号化の中にさらに暗号化がありました。";
            case SIGNATURE_INVALID -> "署名が内容と一致しませんでした（送信後に変更された可能性があります）。";
            case UNKNOWN_SIGNER -> "署名した鍵がディレクトリに登録されていませんでした。";
            case SIGNER_KEY_REVOKED -> "署名した鍵は失効しています。";
            case SIGNER_KEY_EXPIRED -> "署名した鍵は有効期限切れでした。";
            case FROM_SIGNER_MISMATCH -> "差出人アドレスが署名者の組織のものではありませんでした。";
            case REPLAY_MESSAGE_ID -> "同じメッセージが既に受信されていました（再送・再利用）。";
            case REPLAY_DATE_OUTSIDE_WINDOW -> "日付または署名時刻が古すぎるか、未来でした。";
            case MARKING_CHANGED -> "件名などのTLP表示が署名された内容と一致しませんでした。";
            case FORMAT_INVALID -> "添付の文書（YAML/JSON）が書式に合っていませんでした。";
            case ACK_UNKNOWN_REFERENCE -> "受領確認の参照番号がゲートウェイの発信したものではありませんでした。";
            case ACK_NOT_A_RECIPIENT -> "受領確認した通知はあなたの組織宛てに送られていませんでした。";
            case TEXT_REPLY_WITHOUT_CODE -> "返信の本文に、あなた宛ての確認コードと参照番号が見つかりませんでした。";
            case OVERSIZED_MESSAGE, OVERSIZED_PART, DECOMPRESSION_LIMIT, MIME_TOO_DEEP, TOO_MANY_PARTS, TOO_MANY_HEADERS,
                 HEADER_TOO_LONG, LINE_TOO_LONG, STRUCTURE_TOO_DEEP, FORMAT_LIMIT ->
                    "メッセージまたはその一部が、ゲートウェイの受け付ける大きさ・深さ・数の上限を超えていました。";
            case INTERNAL_ERROR -> "ゲートウェイ側で処理できませんでした。";
            default -> "メッセージの構造が正しくありませんでした（ヘッダーの欠落・改行の混入・途中で切れている等）。";
        };
    }

    static String whatHappenedEn(ReasonCode reason) {
        return switch (reason) {
            case NOT_ENCRYPTED -> "The message was not encrypted.";
            case WRONG_CONTENT_TYPE -> "The message was in a form the gateway does not accept (encryption format, or content"
                    + " without a confirmation code or document).";
            case UNSIGNED -> "The message was not signed.";
            case DECRYPTION_FAILED -> "The gateway could not decrypt it (encrypted for another key, or damaged).";
            case ENCRYPTED_TO_RETIRED_KEY -> "It was encrypted to the gateway's old key, which has been retired.";
            case ENCRYPTION_NESTED -> "The message had encryption inside encryption.";
            case SIGNATURE_INVALID -> "The signature did not match the content (it may have been changed after signing).";
            case UNKNOWN_SIGNER -> "It was signed by a key that is not registered in the directory.";
            case SIGNER_KEY_REVOKED -> "It was signed by a revoked key.";
            case SIGNER_KEY_EXPIRED -> "It was signed by an expired key.";
            case FROM_SIGNER_MISMATCH -> "The From address does not belong to the signer's organisation.";
            case REPLAY_MESSAGE_ID -> "The same message had been received before (re-sent or re-used).";
            case REPLAY_DATE_OUTSIDE_WINDOW -> "Its date or signature time was too old or in the future.";
            case MARKING_CHANGED -> "The TLP label outside (Subject, header) did not match the signed content.";
            case FORMAT_INVALID -> "The attached document (YAML/JSON) was not in the expected format.";
            case ACK_UNKNOWN_REFERENCE -> "The acknowledged reference was not issued by the gateway.";
            case ACK_NOT_A_RECIPIENT -> "The acknowledged notice was not sent to your organisation.";
            case TEXT_REPLY_WITHOUT_CODE -> "The reply's text quoted no confirmation code of yours together with its reference.";
            case OVERSIZED_MESSAGE, OVERSIZED_PART, DECOMPRESSION_LIMIT, MIME_TOO_DEEP, TOO_MANY_PARTS, TOO_MANY_HEADERS,
                 HEADER_TOO_LONG, LINE_TOO_LONG, STRUCTURE_TOO_DEEP, FORMAT_LIMIT ->
                    "The message, or a part of it, went beyond the gateway's limits on size, depth or count.";
            case INTERNAL_ERROR -> "The gateway could not process it.";
            default -> "The message was malformed (a missing header, a line break inside a header, or cut short).";
        };
    }

    static String whatToDoJa(ReasonCode reason) {
        return switch (reason) {
            case UNKNOWN_SIGNER, SIGNER_KEY_REVOKED, SIGNER_KEY_EXPIRED, FROM_SIGNER_MISMATCH -> KEY_JA;
            case REPLAY_MESSAGE_ID, REPLAY_DATE_OUTSIDE_WINDOW -> "パソコンの時計を確認し、新しいメッセージとして送り直してください。";
            case MARKING_CHANGED -> "件名のTLP表示を変えずに、新しいメッセージとして送り直してください。";
            case FORMAT_INVALID -> "docs/inbound-format.md の書式で作り直すか、本文に参照番号と確認コードを書いて返信してください。";
            case ACK_UNKNOWN_REFERENCE, ACK_NOT_A_RECIPIENT, TEXT_REPLY_WITHOUT_CODE ->
                    "受け取った通知の参照番号と、その通知に書かれたあなたの確認コードを本文に含めて返信してください。";
            case INTERNAL_ERROR -> "NISC当番に電話で連絡してください。";
            case ENCRYPTED_TO_RETIRED_KEY -> "告知された新しいゲートウェイ鍵（鍵更新告知メール）を取り込み、その鍵宛てに暗号化して送り直してください。"
                    + "告知が届いていない場合はNISC当番に電話で連絡してください。";
            default -> RESEND_JA;
        };
    }

    static String whatToDoEn(ReasonCode reason) {
        return switch (reason) {
            case UNKNOWN_SIGNER, SIGNER_KEY_REVOKED, SIGNER_KEY_EXPIRED, FROM_SIGNER_MISMATCH -> KEY_EN;
            case REPLAY_MESSAGE_ID, REPLAY_DATE_OUTSIDE_WINDOW -> "Check your computer's clock and send it again as a new message.";
            case MARKING_CHANGED -> "Send it again as a new message without changing the TLP label in the Subject.";
            case FORMAT_INVALID -> "Write the document as docs/inbound-format.md describes, or reply in plain text quoting the"
                    + " reference and your confirmation code.";
            case ACK_UNKNOWN_REFERENCE, ACK_NOT_A_RECIPIENT, TEXT_REPLY_WITHOUT_CODE ->
                    "Reply quoting the notice's reference and the confirmation code given to you in that notice.";
            case INTERNAL_ERROR -> "Call the NISC duty officer.";
            case ENCRYPTED_TO_RETIRED_KEY -> "Import the gateway's new key from its key announcement e-mail and send the message"
                    + " again encrypted to it; if no announcement reached you, call the NISC duty officer.";
            default -> RESEND_EN;
        };
    }
}
