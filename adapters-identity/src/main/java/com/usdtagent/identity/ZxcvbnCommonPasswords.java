package com.usdtagent.identity;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.usdtagent.application.account.CommonPasswords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The most used passwords by the ranked list that zxcvbn4j ships (from leaked password sets, lower case), read once.
 */
final class ZxcvbnCommonPasswords implements CommonPasswords {

    static final ZxcvbnCommonPasswords TOP_10_000 = new ZxcvbnCommonPasswords(10_000);

    private final Map<String, Integer> ranks;
    private final int top;

    private ZxcvbnCommonPasswords(int top) {
        try {
            this.ranks = StandardDictionaries.PASSWORDS_LOADER.load().getRankedDictionary();
        } catch (IOException e) {
            throw new UncheckedIOException("zxcvbn's password list is missing", e);
        }
        this.top = top;
    }

    @Override
    public boolean isCommon(String password) {
        Integer rank = ranks.get(password.toLowerCase(Locale.ROOT));
        return rank != null && rank <= top;
    }
}
