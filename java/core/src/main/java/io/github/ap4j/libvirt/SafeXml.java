// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.libvirt;

import io.github.ap4j.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one XML parser ap4j uses, for input that another host controls: the libvirt hook runs as
 * root on a domain XML the migration source sent. The JDK's own parser (no dependency), set up
 * as the OWASP XML External Entity Prevention Cheat Sheet advises for JAXP
 * DocumentBuilderFactory:
 * <ul>
 *   <li>a document type declaration is refused outright ({@code disallow-doctype-decl}), so no
 *       entity can be declared: no billion laughs, no external entity, no external DTD;</li>
 *   <li>external general and parameter entities, external DTD loading, XInclude and entity
 *       reference expansion are off, and {@link XMLConstants#ACCESS_EXTERNAL_DTD} and
 *       {@link XMLConstants#ACCESS_EXTERNAL_SCHEMA} allow no protocol;</li>
 *   <li>{@link XMLConstants#FEATURE_SECURE_PROCESSING} with the JDK's {@code jdk.xml.*} limits
 *       tightened: element depth {@value #MAX_DEPTH}, {@value #MAX_ATTRIBUTES} attributes per
 *       element, entity expansion 0 (there can be none);</li>
 *   <li>namespace aware: elements are matched by namespace URI, never by prefix.</li>
 * </ul>
 * The input size is bounded by the caller (bytes in, so the parser never reads a stream). Error
 * messages never quote the document: the parser's own text can carry its content.
 */
final class SafeXml {
    /** Deepest element nesting accepted; a libvirt domain XML is under 10 deep. */
    static final int MAX_DEPTH = 64;
    /** Most attributes on one element. */
    static final int MAX_ATTRIBUTES = 64;

    private static final DocumentBuilderFactory FACTORY = factory();

    private SafeXml() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required feature", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute("jdk.xml.entityExpansionLimit", "0");
        f.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_DEPTH));
        f.setAttribute("jdk.xml.elementAttributeLimit", Integer.toString(MAX_ATTRIBUTES));
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        f.setValidating(false);
        return f;
    }

    /**
     * Parses {@code xml}; anything malformed or refused is a {@link BadInputException} naming
     * {@code origin}, the line and column, and what was refused.
     */
    static Document parse(byte[] xml, String origin) {
        DocumentBuilder b;
        synchronized (FACTORY) {
            try {
                b = FACTORY.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("cannot configure the XML parser", e);
            }
        }
        b.setErrorHandler(SILENT);
        b.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity refused");
        });
        try {
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new BadInputException(origin, "not accepted as XML (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + "): " + reason(e));
        } catch (SAXException e) {
            throw new BadInputException(origin, "not accepted as XML: " + reason(e));
        } catch (IOException e) {
            throw new BadInputException(origin, "cannot read the XML: " + e.getClass().getSimpleName());
        }
    }

    /** What was wrong, in ap4j's words (the parser's message may quote the document). */
    static String reason(SAXException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("DOCTYPE")) {
            return "a DOCTYPE declaration is refused (no DTDs or entities are read)";
        }
        if (m.contains("maxElementDepth") || m.contains("JAXP00010006")) {
            return "elements nested deeper than " + MAX_DEPTH;
        }
        if (m.contains("elementAttributeLimit") || m.contains("JAXP00010002")) {
            return "more than " + MAX_ATTRIBUTES + " attributes on one element";
        }
        if (m.contains("Premature end of file") || m.contains("must start and end within")) {
            return "it ends before the document is complete";
        }
        if (m.contains("was referenced, but not declared")) {
            return "it refers to an undeclared entity";
        }
        if (m.contains("JAXP0001")) {
            return "a parser limit was exceeded";
        }
        if (m.contains("Content is not allowed in prolog")) {
            return "it does not start with an XML element";
        }
        return "it is not well-formed";
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
