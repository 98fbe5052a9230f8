package io.liaison.gateway.compose.fax;

import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.StoredNotice;
import java.io.IOException;
import java.time.ZoneId;

/** Renders a notice for one fax delivery: content decided by {@link FaxComposer}, laid out as PDF, rasterised to TIFF. */
public final class FaxRenderer {
    private final FaxComposer composer;
    private final FaxPdfWriter pdf;
    private final FaxTiffWriter tiff;
    private final FaxResolution resolution;
    private final FaxCompression compression;
    private final boolean demo;

    public FaxRenderer(ZoneId zone, Tlp fullContentMaxLevel, FaxResolution resolution, FaxCompression compression) {
        this(zone, fullContentMaxLevel, resolution, compression, false);
    }

    /** @param demo true in demo mode: every page's banner carries the demo label */
    public FaxRenderer(ZoneId zone, Tlp fullContentMaxLevel, FaxResolution resolution, FaxCompression compression, boolean demo) {
        this.demo = demo;
        this.composer = new FaxComposer(zone, fullContentMaxLevel);
        this.pdf = new FaxPdfWriter(FaxFont.bundled());
        this.tiff = new FaxTiffWriter(resolution, compression);
        this.resolution = resolution;
        this.compression = compression;
    }

    /** Whether a notice of this level goes by fax in full (otherwise a cover sheet only). */
    public boolean sendsInFull(Tlp level) {
        return composer.sendsInFull(level);
    }

    public RenderedFax render(StoredNotice notice, FaxContext context) throws IOException {
        FaxSheet composed = composer.compose(notice, context);
        FaxSheet sheet = demo ? composed.demoMarked() : composed;
        FaxPdfWriter.Written written = pdf.write(sheet);
        byte[] pages = tiff.write(written.pdf());
        return new RenderedFax(notice.reference(), written.pdf(), pages, written.pages(), sheet.coverSheetOnly(),
                resolution, compression);
    }
}
