package io.liaison.gateway.compose.fax;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A notice rendered for one fax delivery: the PDF and the same pages as TIFF-F.
 *
 * @param pages number of pages, the same in the PDF and the TIFF
 * @param coverSheetOnly true when the level was above what goes by fax in full
 */
public record RenderedFax(String reference, byte[] pdf, byte[] tiff, int pages, boolean coverSheetOnly,
                          FaxResolution resolution, FaxCompression compression) {

    /** Writes {@code baseName.pdf} and {@code baseName.tif} into {@code dir} (created if missing). */
    public List<Path> writeTo(Path dir, String baseName) throws IOException {
        io.liaison.gateway.files.OwnerOnly.createDirectories(dir);
        Path pdfFile = dir.resolve(baseName + ".pdf");
        Path tiffFile = dir.resolve(baseName + ".tif");
        io.liaison.gateway.files.OwnerOnly.write(pdfFile, pdf);
        io.liaison.gateway.files.OwnerOnly.write(tiffFile, tiff);
        return List.of(pdfFile, tiffFile);
    }
}
