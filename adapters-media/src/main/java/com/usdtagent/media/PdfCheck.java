package com.usdtagent.media;

import com.usdtagent.application.attachment.ByteSource;
import com.usdtagent.application.attachment.ContentInspector.Inspection;
import com.usdtagent.application.attachment.UnsupportedContent;
import com.usdtagent.domain.attachment.AttachmentKind;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A PDF is kept as sent, once Apache PDFBox has parsed it into a document with pages and its last kilobyte holds the
 * {@code %%EOF} a PDF ends with: bytes that only start like a PDF are refused. It is served as a download, never
 * shown inline, so whatever scripts it carries do not run in the web app's origin.
 */
final class PdfCheck {

    private static final int TRAILER_WINDOW = 1024;
    private static final byte[] END_OF_FILE = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    Inspection check(ByteSource upload) {
        if (!endsLikeAPdf(upload)) {
            throw new UnsupportedContent("is not a whole PDF");
        }
        try (InputStream content = upload.open();
             PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
            if (document.getNumberOfPages() < 1) {
                throw new UnsupportedContent("is a PDF without pages");
            }
        } catch (InvalidPasswordException locked) {
            throw new UnsupportedContent("is a password-protected PDF");
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof UnsupportedContent refusal) {
                throw refusal;
            }
            throw new UnsupportedContent("is not a whole PDF");
        }
        return new Inspection(AttachmentKind.FILE, "application/pdf", upload, null, null, null);
    }

    private static boolean endsLikeAPdf(ByteSource upload) {
        try (InputStream content = upload.open()) {
            content.skipNBytes(Math.max(0, upload.size() - TRAILER_WINDOW));
            byte[] tail = content.readAllBytes();
            for (int at = tail.length - END_OF_FILE.length; at >= 0; at--) {
                if (Arrays.equals(tail, at, at + END_OF_FILE.length, END_OF_FILE, 0, END_OF_FILE.length)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
