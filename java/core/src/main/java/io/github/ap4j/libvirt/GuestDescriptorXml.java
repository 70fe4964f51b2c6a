// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.libvirt;

import io.github.ap4j.BadInputException;
import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.ApMatrix;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.Mkvp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XML form of a {@link GuestDescriptor}: one element {@code guest} in the namespace
 * {@value #NAMESPACE}, format {@value GuestDescriptor#FORMAT} (docs/libvirt-hook.md):
 *
 * <pre>{@code
 * <guest xmlns="https://ap4j.github.io/xmlns/guest/1" format="1" mdev="UUID" host="NAME"
 *        taken="2026-12-01T10:00:00Z" ap4j="VERSION" source="fixture">
 *   <vfio-ap features="guest_matrix hotplug ap_config migratable"/>
 *   <bus features="APSC APXA QACT"/>
 *   <matrix adapters="5-7" domains="51-52" control-domains="51"/>
 *   <queue apqn="05.0033" functions="0xb0008000" type="13">
 *     <mkvp key="AES" register="CUR" state="valid" pattern="0x1234567890abcdef"/>
 *   </queue>
 * </guest>
 * }</pre>
 *
 * An absent attribute means the source did not say ({@code features}, {@code control-domains},
 * {@code functions}, {@code type}; {@code queue} without {@code mkvp} children and without
 * {@code mkvps="none"}: unknown). Read by namespace URI, never by prefix: {@code virsh metadata}
 * stores the element back with an {@code ap4j:} prefix (libvirt {@code virXMLNodeSanitizeNamespaces}).
 */
public final class GuestDescriptorXml {
    /** The namespace of the descriptor element; the {@code 1} is the namespace's version. */
    public static final String NAMESPACE = "https://ap4j.github.io/xmlns/guest/1";
    /** The element's local name. */
    public static final String ELEMENT = "guest";
    /** The key {@code virsh metadata --key} stores it under (its namespace prefix). */
    public static final String KEY = "ap4j";

    private GuestDescriptorXml() {
    }

    /**
     * The element, indented, each child on its own line, with a final newline.
     *
     * @param d the descriptor
     * @return the XML text, as {@code ap4j describe} prints it
     */
    public static String write(GuestDescriptor d) {
        return render(d, "\n", "  ");
    }

    /**
     * The element on one line, for {@code virsh metadata --set}.
     *
     * @param d the descriptor
     * @return the XML text without newlines
     */
    public static String writeOneLine(GuestDescriptor d) {
        return render(d, "", "");
    }

    private static String render(GuestDescriptor d, String nl, String ind) {
        StringBuilder sb = new StringBuilder(256 + 96 * d.queues().size());
        sb.append("<guest xmlns=\"").append(NAMESPACE).append("\" format=\"")
                .append(GuestDescriptor.FORMAT).append('"');
        attr(sb, "mdev", d.mdev());
        attr(sb, "host", d.host());
        attr(sb, "taken", d.taken().toString());
        attr(sb, "ap4j", d.ap4jVersion());
        attr(sb, "source", d.sourceKind());
        sb.append('>').append(nl);
        if (d.features() != null) {
            sb.append(ind).append("<vfio-ap");
            attr(sb, "features", String.join(" ", d.features()));
            sb.append("/>").append(nl);
        }
        if (d.busFeatures() != null) {
            sb.append(ind).append("<bus");
            attr(sb, "features", String.join(" ", d.busFeatures()));
            sb.append("/>").append(nl);
        }
        sb.append(ind).append("<matrix");
        attr(sb, "adapters", d.matrix().adapters().toRangeList());
        attr(sb, "domains", d.matrix().domains().toRangeList());
        if (d.controlDomains() != null) {
            attr(sb, "control-domains", d.controlDomains().toRangeList());
        }
        if (d.fromAssigned()) {
            attr(sb, "from", "matrix");
        }
        sb.append("/>").append(nl);
        for (GuestDescriptor.Queue q : d.queues()) {
            sb.append(ind).append("<queue");
            attr(sb, "apqn", q.apqn().toString());
            if (q.functions() != null) {
                attr(sb, "functions", String.format("0x%08x", q.functions()));
                if (q.cardLevel()) {
                    attr(sb, "functions-from", "card");
                }
            }
            if (q.type() != null) {
                attr(sb, "type", Integer.toString(q.type()));
                if (q.mappedType()) {
                    attr(sb, "type-from", "hwtype");
                }
            }
            if (q.mkvps() == null) {
                sb.append("/>").append(nl);
                continue;
            }
            if (q.mkvps().isEmpty()) {
                attr(sb, "mkvps", "none");
                sb.append("/>").append(nl);
                continue;
            }
            sb.append('>').append(nl);
            for (Mkvp m : q.mkvps()) {
                sb.append(ind).append(ind).append("<mkvp");
                attr(sb, "key", m.keyType());
                attr(sb, "register", m.register());
                attr(sb, "state", m.state().orElse("-"));
                attr(sb, "pattern", m.pattern().orElse("-"));
                sb.append("/>").append(nl);
            }
            sb.append(ind).append("</queue>").append(nl);
        }
        return sb.append("</guest>").append(nl).toString();
    }

    private static void attr(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&apos;"); break;
                default:
                    if (c < 0x20) {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    /** Whether {@code e} is a descriptor element (by namespace URI and local name). */
    static boolean isDescriptor(Node e) {
        return e instanceof Element && NAMESPACE.equals(e.getNamespaceURI())
                && ELEMENT.equals(e.getLocalName());
    }

    /**
     * Reads a descriptor element; every value is checked, and a bad one named with the
     * attribute and quoted.
     */
    static GuestDescriptor read(Element g, String origin) {
        String where = origin + ": ap4j guest descriptor";
        String format = required(g, "format", where);
        if (!format.equals(Integer.toString(GuestDescriptor.FORMAT))) {
            throw new BadInputException(where, "format " + BadInputException.quote(format)
                    + " is not one this ap4j reads (" + GuestDescriptor.FORMAT + "); describe the "
                    + "guest again with this ap4j, or upgrade it");
        }
        String mdev = required(g, "mdev", where).toLowerCase(Locale.ROOT);
        if (!isUuid(mdev)) {
            throw bad(where, "mdev", mdev, "not an mdev UUID");
        }
        String host = required(g, "host", where);
        String takenText = required(g, "taken", where);
        Instant taken;
        try {
            taken = Instant.parse(takenText);
        } catch (DateTimeParseException e) {
            throw bad(where, "taken", takenText, "not an ISO-8601 instant");
        }
        String version = required(g, "ap4j", where);
        String source = required(g, "source", where);

        List<String> features = null;
        List<String> bus = null;
        Element matrixEl = null;
        List<GuestDescriptor.Queue> queues = new ArrayList<>();
        Set<Apqn> seen = new HashSet<>();
        for (Node n = g.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element)) {
                continue;
            }
            Element e = (Element) n;
            if (!NAMESPACE.equals(e.getNamespaceURI())) {
                continue; // another application's extension: not ours to judge
            }
            switch (e.getLocalName()) {
                case "vfio-ap": features = tokens(required(e, "features", where)); break;
                case "bus": bus = tokens(required(e, "features", where)); break;
                case "matrix":
                    if (matrixEl != null) {
                        throw new BadInputException(where, "more than one matrix element");
                    }
                    matrixEl = e;
                    break;
                case "queue": {
                    GuestDescriptor.Queue q = queue(e, where);
                    if (!seen.add(q.apqn())) {
                        throw new BadInputException(where, "queue " + q.apqn() + " given twice");
                    }
                    queues.add(q);
                    break;
                }
                default:
                    throw new BadInputException(where, "unknown element "
                            + BadInputException.quote(e.getLocalName()) + " in format " + format);
            }
        }
        if (matrixEl == null) {
            throw new BadInputException(where, "no matrix element");
        }
        ApMatrix matrix = new ApMatrix(ids(matrixEl, "adapters", where), ids(matrixEl, "domains", where));
        ApMask cd = matrixEl.hasAttribute("control-domains")
                ? ids(matrixEl, "control-domains", where) : null;
        boolean fromAssigned = matrixEl.hasAttribute("from");
        if (fromAssigned && !matrixEl.getAttribute("from").equals("matrix")) {
            throw bad(where, "from", matrixEl.getAttribute("from"), "expected 'matrix'");
        }
        for (GuestDescriptor.Queue q : queues) {
            if (!matrix.contains(q.apqn())) {
                throw new BadInputException(where, "queue " + q.apqn() + " is not in the matrix");
            }
        }
        queues.sort((a, b) -> a.apqn().compareTo(b.apqn()));
        return new GuestDescriptor(mdev, host, taken, version, source, features, bus, matrix,
                fromAssigned, cd, queues);
    }

    private static GuestDescriptor.Queue queue(Element e, String where) {
        String text = required(e, "apqn", where);
        Apqn q;
        try {
            q = Apqn.parse(text);
        } catch (RuntimeException x) {
            throw bad(where, "apqn", text, "not an APQN (AA.DDDD)");
        }
        String w = where + " queue " + q;
        Integer fn = null;
        if (e.hasAttribute("functions")) {
            String f = e.getAttribute("functions");
            if (!f.matches("0x[0-9a-fA-F]{8}")) {
                throw bad(w, "functions", f, "not 0x and 8 hex digits");
            }
            fn = (int) Long.parseLong(f.substring(2), 16);
        }
        Integer type = null;
        if (e.hasAttribute("type")) {
            String t = e.getAttribute("type");
            if (!t.matches("[0-9]{1,3}") || Integer.parseInt(t) > 255) {
                throw bad(w, "type", t, "not an AP type 0..255");
            }
            type = Integer.parseInt(t);
        }
        boolean cardLevel = flag(e, "functions-from", "card", w);
        boolean mapped = flag(e, "type-from", "hwtype", w);
        List<Mkvp> mkvps = null;
        if (e.hasAttribute("mkvps")) {
            if (!e.getAttribute("mkvps").equals("none")) {
                throw bad(w, "mkvps", e.getAttribute("mkvps"), "expected 'none'");
            }
            mkvps = List.of();
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && NAMESPACE.equals(n.getNamespaceURI())) {
                Element m = (Element) n;
                if (!m.getLocalName().equals("mkvp")) {
                    throw new BadInputException(w, "unknown element "
                            + BadInputException.quote(m.getLocalName()));
                }
                if (mkvps != null && mkvps.isEmpty() && e.hasAttribute("mkvps")) {
                    throw new BadInputException(w, "mkvps='none' and mkvp elements");
                }
                mkvps = mkvps == null ? new ArrayList<>() : mkvps;
                mkvps.add(new Mkvp(token(m, "key", w), token(m, "register", w),
                        dash(token(m, "state", w)), dash(token(m, "pattern", w))));
            }
        }
        return new GuestDescriptor.Queue(q, fn, type, cardLevel && fn != null, mapped && type != null,
                mkvps);
    }

    private static Attr<String> dash(String s) {
        return s.equals("-") ? Attr.notSupported() : Attr.of(s);
    }

    private static boolean flag(Element e, String name, String value, String where) {
        if (!e.hasAttribute(name)) {
            return false;
        }
        if (!e.getAttribute(name).equals(value)) {
            throw bad(where, name, e.getAttribute(name), "expected '" + value + "'");
        }
        return true;
    }

    private static String token(Element e, String name, String where) {
        String v = required(e, name, where);
        if (!v.matches("[A-Za-z0-9_.x-]{1,80}")) {
            throw bad(where, name, v, "not a token");
        }
        return v;
    }

    private static List<String> tokens(String text) {
        String s = text.strip();
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
    }

    private static String required(Element e, String name, String where) {
        if (!e.hasAttribute(name)) {
            throw new BadInputException(where, "element " + e.getLocalName() + " has no "
                    + name + " attribute");
        }
        return e.getAttribute(name);
    }

    /** A range list such as {@code 5-7,9} of ids 0..255 ({@link ApMask#toRangeList()}). */
    static ApMask ids(Element e, String name, String where) {
        String text = required(e, name, where);
        ApMask m = ApMask.EMPTY;
        if (text.isEmpty()) {
            return m;
        }
        for (String part : text.split(",", -1)) {
            int dash = part.indexOf('-');
            int from = id(part.substring(0, dash < 0 ? part.length() : dash), text, name, where);
            int to = dash < 0 ? from : id(part.substring(dash + 1), text, name, where);
            if (to < from) {
                throw bad(where, name, text, "a range ends before it starts");
            }
            m = m.union(ApMask.range(from, to));
        }
        return m;
    }

    private static int id(String s, String text, String name, String where) {
        if (!s.matches("[0-9]{1,3}") || Integer.parseInt(s) > 255) {
            throw bad(where, name, text, "not a list of ids 0..255 such as 5-7,9");
        }
        return Integer.parseInt(s);
    }

    private static BadInputException bad(String where, String attr, String value, String why) {
        return new BadInputException(where, attr + "=" + BadInputException.quote(value) + ": " + why);
    }

    static boolean isUuid(String s) {
        return s.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}
