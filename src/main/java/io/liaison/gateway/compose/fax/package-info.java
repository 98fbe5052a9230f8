/** Renders a marked notice as fax pages: a PDF in the bundled Japanese font, rasterised to bilevel TIFF-F. */
package io.liaison.gateway.compose.fax;
