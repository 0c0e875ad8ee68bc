package com.usdtagent.application.attachment;

/** Signs links with a key only the servers know, so that a link works without a token and cannot be forged. */
public interface LinkSigner {

    /** A signature of {@code message} that is safe in a URL's query. */
    String sign(String message);

    /** Whether {@code signature} is this key's signature of {@code message}, compared in constant time. */
    boolean verify(String message, String signature);
}
