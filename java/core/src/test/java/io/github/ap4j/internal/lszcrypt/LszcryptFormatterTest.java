// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.lszcrypt;

import static io.github.ap4j.internal.lszcrypt.LszcryptFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ap4j.model.ApMask;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.BusAttributes;
import io.github.ap4j.snapshot.HostSnapshot;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LszcryptFormatterTest {

    @Test
    void cardsAndQueuesOfEveryKind() {
        assertEquals(PLAIN, LszcryptFormatter.format(plainHost()));
    }

    @Test
    void separatorIs92DashesAnd104WithSestat() {
        assertEquals("-".repeat(92), PLAIN.split("\n")[1]);
        assertEquals("-".repeat(104), SE.split("\n")[1]);
    }

    @Test
    void seHostHasSestatColumn() {
        assertEquals(SE, LszcryptFormatter.format(seHost()));
    }

    private static HostSnapshot withBus(HostSnapshot s, BusAttributes b) {
        return new HostSnapshot(s.provenance(), b, s.cards(), s.queues(), s.matrix());
    }

    private static BusAttributes domainBus(Attr<Integer> domain, Attr<ApMask> usage) {
        BusAttributes b = plainHost().bus();
        return new BusAttributes(b.features(), b.adapters(), usage, b.controlDomains(), b.apmask(),
                b.aqmask(), domain, b.maxAdapterId(), b.maxDomainId());
    }

    static Stream<Arguments> warnings() {
        return Stream.of(
                // show_devices_all(): domain < 0 || check_mask_bit(ap_usage_domain_mask, domain) < 1
                Arguments.of(Attr.of(5), Attr.of(ApMask.of(5, 6, 7)), ""),
                Arguments.of(Attr.of(0x10), Attr.of(ApMask.of(5, 6, 7)),
                        "Warning: Default domain 0x10 is not available.\n"),
                Arguments.of(Attr.of(0xab), Attr.of(ApMask.EMPTY),
                        "Warning: Default domain 0xab is not available.\n"),
                Arguments.of(Attr.of(-1), Attr.of(ApMask.FULL),
                        "Warning: Default domain 0xffffffffffffffff is not available.\n"),
                Arguments.of(Attr.of(5), Attr.notSupported(),
                        "Warning: Default domain 0x05 is not available.\n"),
                Arguments.of(Attr.of(5), Attr.missing(), ""),
                Arguments.of(Attr.unknown(), Attr.of(ApMask.EMPTY), ""));
    }

    @ParameterizedTest
    @MethodSource("warnings")
    void defaultDomainWarningAfterTheTable(Attr<Integer> domain, Attr<ApMask> usage, String line) {
        HostSnapshot s = withBus(plainHost(), domainBus(domain, usage));
        assertEquals(PLAIN + line, LszcryptFormatter.format(s));
    }

    /**
     * s390-tools 2.40 (checked against its binary by ci-s390x/run) differs from 2.43 in exactly
     * two places: QDEPTH is the depth file plus one, and there is no default-domain warning.
     */
    @ParameterizedTest
    @MethodSource("warnings")
    void release240AddsOneToQdepthAndNeverWarns(Attr<Integer> domain, Attr<ApMask> usage,
            String line) {
        HostSnapshot s = withBus(plainHost(), domainBus(domain, usage));
        String v243 = LszcryptFormatter.format(s, LszcryptFormatter.Release.S390_TOOLS_2_43);
        String v240 = LszcryptFormatter.format(s, LszcryptFormatter.Release.S390_TOOLS_2_40);
        assertEquals(PLAIN + line, v243);
        String expected = PLAIN.lines()
                .map(l -> l.replaceAll("(?<=     )(\\d\\d)(?= [-SMCDAXNHFR]{10} )",
                        "%02d"))
                .map(l -> l.contains("%02d") ? String.format(l, depthOf(PLAIN, l) + 1) : l)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        assertEquals(expected, v240);
        assertEquals(LszcryptFormatter.format(s), v243);
    }

    private static int depthOf(String text, String templated) {
        int at = templated.indexOf("%02d");
        for (String l : text.lines().toList()) {
            if (l.startsWith(templated.substring(0, at))) {
                return Integer.parseInt(l.substring(at, at + 2));
            }
        }
        throw new AssertionError("no row for " + templated);
    }

    @Test
    void releaseLabels() {
        assertEquals(LszcryptFormatter.Release.S390_TOOLS_2_40, LszcryptFormatter.Release.parse("2.40"));
        assertEquals(LszcryptFormatter.Release.S390_TOOLS_2_43, LszcryptFormatter.Release.parse("2.43"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LszcryptFormatter.Release.parse("2.41"));
    }

    @Test
    void noCardsGivesHeaderOnly() {
        HostSnapshot s = snapshot(plainHost().bus(), List.of(), List.of());
        assertEquals(String.join("\n", PLAIN.split("\n")[0], PLAIN.split("\n")[1], ""),
                LszcryptFormatter.format(s));
    }

    @Test
    void cardWithoutQueuesEndsTheListingLikeErrx() {
        HostSnapshot base = plainHost();
        List<ApQueue> noCard3 = base.queues().stream().filter(q -> q.apqn().adapter() != 3).toList();
        String[] l = PLAIN.split("\n");
        String expected = String.join("\n", l[0], l[1], l[2], l[3], l[4], "");
        assertEquals(expected, LszcryptFormatter.format(snapshot(base.bus(), base.cards(), noCard3)));
    }

    /** One card 05 and its queue 05.0033, all zcrypt-bound and online. */
    private static HostSnapshot one(UnaryOperator<ApCard> c, UnaryOperator<ApQueue> q) {
        return snapshot(bus(List.of("APSC"), 0x33, ApMask.of(0x33)),
                List.of(c.apply(card(5, "CEX8C", 14, CCA8, 8, 10, 1, 2))),
                List.of(q.apply(queue(5, 0x33, CCA8, 20, 3, 4))));
    }

    private static final String BASE_CARD =
            "05       CEX8C CCA-Coproc  online           10        3     14     08 S--D--NHF- cex4card   ";
    private static final String BASE_QUEUE =
            "05.0033  CEX8C CCA-Coproc  online           20        7     14     08 S--D--NHF- cex4queue  ";

    private static ApCard withCard(ApCard c, String field, Object v) {
        ApCard.Builder b = c.toBuilder();
        switch (field) {
            case "type" -> b.type(cast(v));
            case "hwtype" -> b.hwtype(cast(v));
            case "functions" -> b.functions(cast(v));
            case "depth" -> b.depth(cast(v));
            case "config" -> b.config(cast(v));
            case "chkstop" -> b.chkstop(cast(v));
            case "online" -> b.online(cast(v));
            case "driver" -> b.driver(cast(v));
            case "request_count" -> b.requestCount(cast(v));
            default -> { }
        }
        return b.build();
    }

    private static ApQueue withQueue(ApQueue q, String field, Object v) {
        ApQueue.Builder b = q.toBuilder();
        switch (field) {
            case "config" -> b.config(cast(v));
            case "chkstop" -> b.chkstop(cast(v));
            case "online" -> b.online(cast(v));
            case "status" -> b.vfioStatus(cast(v));
            case "driver" -> b.driver(cast(v));
            case "request_count" -> b.requestCount(cast(v));
            case "requestq_count" -> b.requestqCount(cast(v));
            default -> { }
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static <T> Attr<T> cast(Object v) {
        return (Attr<T>) v;
    }

    /**
     * Which sysfs attribute each column derives from (lszcrypt.c a5af5bcf): changing one
     * attribute of card05 or 05.0033 changes exactly these two rows as listed.
     */
    static Stream<Arguments> derivations() {
        return Stream.of(
                Arguments.of("card type -> TYPE (both rows)", "card", "type", Attr.missing(),
                        "05       -     CCA-Coproc  online           10        3     14     08 S--D--NHF- cex4card   ",
                        "05.0033  -     CCA-Coproc  online           20        7     14     08 S--D--NHF- cex4queue  "),
                Arguments.of("card ap_functions -> MODE+FUNCTIONS (both rows)", "card", "functions",
                        Attr.of(0x0A000000),
                        "05       CEX8C Accelerator online           10        3     14     08 ----A-N--- cex4card   ",
                        "05.0033  CEX8C Accelerator online           20        7     14     08 ----A-N--- cex4queue  "),
                Arguments.of("card hwtype -> HWTYPE (both rows)", "card", "hwtype", Attr.of(13),
                        BASE_CARD.replace("    14     08", "    13     08"),
                        BASE_QUEUE.replace("    14     08", "    13     08")),
                Arguments.of("card depth -> QDEPTH %02d without +1", "card", "depth", Attr.of(5),
                        BASE_CARD.replace("    14     08", "    14     05"),
                        BASE_QUEUE.replace("    14     08", "    14     05")),
                Arguments.of("card config=0 -> deconfig, REQUESTS/PENDING -, queue PENDING -", "card",
                        "config", Attr.of(false),
                        "05       CEX8C CCA-Coproc  deconfig          -        -     14     08 S--D--NHF- cex4card   ",
                        "05.0033  CEX8C CCA-Coproc  online           20        -     14     08 S--D--NHF- cex4queue  "),
                Arguments.of("card chkstop=1 -> chkstop", "card", "chkstop", Attr.of(true),
                        BASE_CARD.replace("online ", "chkstop"), BASE_QUEUE),
                Arguments.of("card online=0 -> offline", "card", "online", Attr.of(false),
                        BASE_CARD.replace("online ", "offline"), BASE_QUEUE),
                Arguments.of("card online missing -> -", "card", "online", Attr.missing(),
                        BASE_CARD.replace("online", "-     "), BASE_QUEUE),
                Arguments.of("card request_count -> REQUESTS", "card", "request_count",
                        Attr.of(123456789L),
                        "05       CEX8C CCA-Coproc  online     123456789        3     14     08 S--D--NHF- cex4card   ",
                        BASE_QUEUE),
                Arguments.of("card driver not cexN -> -no-driver-", "card", "driver", Attr.of("zcrypt"),
                        BASE_CARD.replace("cex4card   ", "-no-driver-"), BASE_QUEUE),
                Arguments.of("queue config=0 -> deconfig, REQUESTS -", "queue", "config", Attr.of(false),
                        BASE_CARD,
                        "05.0033  CEX8C CCA-Coproc  deconfig          -        7     14     08 S--D--NHF- cex4queue  "),
                Arguments.of("queue chkstop=1 -> chkstop", "queue", "chkstop", Attr.of(true), BASE_CARD,
                        BASE_QUEUE.replace("online ", "chkstop")),
                Arguments.of("queue requestq_count -> PENDING sum", "queue", "requestq_count", Attr.of(10),
                        BASE_CARD, BASE_QUEUE.replace("       7", "      14")),
                Arguments.of("queue request_count '-' -> -", "queue", "request_count",
                        Attr.notSupported(), BASE_CARD, BASE_QUEUE.replace("      20", "       -")),
                Arguments.of("queue driver vfio_ap -> PENDING -", "queue", "driver", Attr.of("vfio_ap"),
                        BASE_CARD,
                        "05.0033  CEX8C CCA-Coproc  online           20        -     14     08 S--D--NHF- vfio_ap    "),
                Arguments.of("queue without online, with vfio status -> the status text", "queue",
                        "online", Attr.missing(), BASE_CARD, BASE_QUEUE.replace("online ", "-      ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivations")
    void columnDerivesFromAttribute(String what, String level, String field, Attr<?> value,
            String cardRow, String queueRow) {
        HostSnapshot s = level.equals("card")
                ? one(c -> withCard(c, field, value), q -> q)
                : one(c -> c, q -> withQueue(q, field, value));
        String[] l = LszcryptFormatter.format(s).split("\n", -1);
        assertEquals(PLAIN.split("\n")[0], l[0]);
        assertEquals(cardRow, l[2], what);
        assertEquals(queueRow, l[3], what);
        assertEquals("", l[4]);
    }

    @Test
    void vfioStatusShowsWhenOnlineIsMissing() {
        HostSnapshot s = one(c -> c, q -> withQueue(withQueue(q, "online", Attr.missing()), "status",
                Attr.of("assigned")));
        assertEquals(BASE_QUEUE.replace("online  ", "assigned"),
                LszcryptFormatter.format(s).split("\n")[3]);
    }

    @Test
    void queuesSortedByApqnUnderTheirCard() {
        HostSnapshot s = snapshot(plainHost().bus(),
                List.of(card(0x10, "CEX8C", 14, CCA8, 8, 0, 0, 0), card(2, "CEX8C", 14, CCA8, 8, 0, 0, 0)),
                List.of(queue(0x10, 1, CCA8, 0, 0, 0), queue(2, 0x1f, CCA8, 0, 0, 0),
                        queue(2, 3, CCA8, 0, 0, 0)));
        List<String> ids = Stream.of(LszcryptFormatter.format(s).split("\n")).skip(2)
                .map(x -> x.substring(0, 8).trim()).toList();
        assertEquals(List.of("02", "02.0003", "02.001f", "10", "10.0001"), ids);
        assertEquals(Apqn.of(2, 3), s.queues().get(0).apqn());
    }
}
