package com.usdtagent.application.push;

import com.usdtagent.domain.shared.BusinessException;

import java.util.Locale;

/** Where a device token comes from; FCM serves all three. */
public enum DevicePlatform {
    ANDROID, IOS, WEB;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DevicePlatform ofWireName(String name) {
        for (DevicePlatform platform : values()) {
            if (platform.wireName().equals(name)) {
                return platform;
            }
        }
        throw BusinessException.invalidField("platform", "must be android, ios or web");
    }
}
