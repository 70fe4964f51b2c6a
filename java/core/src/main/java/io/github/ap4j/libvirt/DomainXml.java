// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.libvirt;

import io.github.ap4j.BadInputException;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What ap4j reads from a libvirt domain XML ({@code virsh dumpxml}, or the XML a hook gets on
 * stdin): the domain name, the UUID of its vfio-ap mediated device, and ap4j's guest
 * descriptor in {@code <metadata>}. Also accepts the bare descriptor element that
 * {@code ap4j describe} prints.
 *
 * <p>The vfio-ap hostdev, as libvirt's {@code docs/formatdomain.rst} documents it (libvirt 4.9
 * and later): {@code <hostdev mode='subsystem' type='mdev' model='vfio-ap'><source><address
 * uuid='...'/></source></hostdev>}; libvirt's {@code qemu_validate.c} allows one ("Only one
 * hostdev of model vfio-ap is supported"). Domain elements are in no namespace.
 *
 * <p>Error messages never quote the domain XML's own text (it is libvirt's format and may come
 * from another host); values of ap4j's descriptor are quoted, escaped.
 *
 * @param name       the domain's {@code <name>}, if any (a bare descriptor has none)
 * @param mdev       the vfio-ap hostdev's mdev UUID (lowercase), if the domain has one
 * @param descriptor ap4j's descriptor, if present
 */
public record DomainXml(Optional<String> name, Optional<String> mdev,
        Optional<GuestDescriptor> descriptor) {

    /** Largest domain XML read (a real one is a few KiB; libvirt's own limit is 10 MiB). */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /**
     * Whether {@code data} looks like XML: its first non-blank byte (after a BOM) is {@code <}.
     *
     * @param data the input's bytes
     * @return true when it should be parsed as XML rather than read another way
     */
    public static boolean looksLikeXml(byte[] data) {
        int i = data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb
                && (data[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n'
                || data[i] == '\r')) {
            i++;
        }
        return i < data.length && data[i] == '<';
    }

    /**
     * Parses {@code xml} safely ({@link SafeXml}): a {@code <domain>} or a descriptor element.
     *
     * @param xml the document, at most {@link #MAX_BYTES} bytes
     * @param origin the file or {@code <stdin>}, named in errors
     * @return what ap4j reads from it
     * @throws BadInputException for malformed or refused XML, another root element, a second
     *         vfio-ap hostdev, a hostdev without a UUID, or a bad descriptor
     */
    public static DomainXml parse(byte[] xml, String origin) {
        if (xml.length > MAX_BYTES) {
            throw new BadInputException(origin, "larger than " + MAX_BYTES + " bytes: not read as a "
                    + "domain XML");
        }
        Document doc = SafeXml.parse(xml, origin);
        Element root = doc.getDocumentElement();
        if (GuestDescriptorXml.isDescriptor(root)) {
            GuestDescriptor d = GuestDescriptorXml.read(root, origin);
            return new DomainXml(Optional.empty(), Optional.of(d.mdev()), Optional.of(d));
        }
        if (root.getNamespaceURI() != null || !root.getLocalName().equals("domain")) {
            throw new BadInputException(origin, "neither a libvirt domain XML (root <domain>) nor "
                    + "an ap4j guest descriptor");
        }
        Optional<String> name = Optional.empty();
        Optional<String> mdev = Optional.empty();
        Optional<GuestDescriptor> desc = Optional.empty();
        for (Element e : children(root)) {
            if (e.getNamespaceURI() != null) {
                continue;
            }
            switch (e.getLocalName()) {
                case "name":
                    name = Optional.of(e.getTextContent().strip());
                    break;
                case "metadata":
                    for (Element m : children(e)) {
                        if (GuestDescriptorXml.isDescriptor(m)) {
                            if (desc.isPresent()) {
                                throw new BadInputException(origin, "more than one ap4j guest "
                                        + "descriptor in <metadata>");
                            }
                            desc = Optional.of(GuestDescriptorXml.read(m, origin));
                        }
                    }
                    break;
                case "devices":
                    for (Element h : children(e)) {
                        if (h.getNamespaceURI() == null && h.getLocalName().equals("hostdev")
                                && h.getAttribute("mode").equals("subsystem")
                                && h.getAttribute("type").equals("mdev")
                                && h.getAttribute("model").equals("vfio-ap")) {
                            if (mdev.isPresent()) {
                                throw new BadInputException(origin, "more than one vfio-ap hostdev "
                                        + "(libvirt supports only one)");
                            }
                            mdev = Optional.of(hostdevUuid(h, origin));
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        if (desc.isPresent() && mdev.isPresent() && !desc.get().mdev().equals(mdev.get())) {
            throw new BadInputException(origin, "the ap4j guest descriptor is for mdev "
                    + desc.get().mdev() + " but the vfio-ap hostdev is mdev " + mdev.get()
                    + "; describe the guest again");
        }
        return new DomainXml(name, mdev, desc);
    }

    private static String hostdevUuid(Element hostdev, String origin) {
        for (Element s : children(hostdev)) {
            if (s.getNamespaceURI() == null && s.getLocalName().equals("source")) {
                for (Element a : children(s)) {
                    if (a.getNamespaceURI() == null && a.getLocalName().equals("address")
                            && a.hasAttribute("uuid")) {
                        String u = a.getAttribute("uuid").strip().toLowerCase(java.util.Locale.ROOT);
                        if (!GuestDescriptorXml.isUuid(u)) {
                            throw new BadInputException(origin, "the vfio-ap hostdev's "
                                    + "address uuid is not a UUID");
                        }
                        return u;
                    }
                }
            }
        }
        throw new BadInputException(origin, "the vfio-ap hostdev has no <source><address uuid=.../>");
    }

    /**
     * The mdev UUID, or a clear error for a domain without a vfio-ap hostdev.
     *
     * @param origin the file or {@code <stdin>}, named in the error
     * @return the UUID, lowercase
     * @throws BadInputException when the domain has no vfio-ap hostdev
     */
    public String requireMdev(String origin) {
        return mdev.orElseThrow(() -> new BadInputException(origin, "the domain has no "
                + "vfio-ap hostdev (<hostdev mode='subsystem' type='mdev' "
                + "model='vfio-ap'>), so it has no AP queues to check"));
    }

    private static Iterable<Element> children(Element parent) {
        java.util.List<Element> out = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                out.add((Element) n);
            }
        }
        return out;
    }
}
