package com.usdtagent.media;

import com.usdtagent.application.attachment.ContentInspector;

import javax.imageio.ImageIO;

/** The media adapter, for the bootstrap to wire. */
public final class Media {

    private Media() {
    }

    /**
     * @param maxPixels the most pixels an image may have, checked from its header before it is decoded
     */
    public static ContentInspector inspector(long maxPixels) {
        // TwelveMonkeys' readers register through ServiceLoader; scan in case ImageIO was first used before they loaded
        ImageIO.scanForPlugins();
        // decoded images hold most of the heap an upload needs: at most half of it goes to decoding at once
        var budget = new DecodeBudget(Runtime.getRuntime().maxMemory() / 2);
        return new MediaInspector(new ImageRewriter(maxPixels, budget), new PdfCheck());
    }
}
