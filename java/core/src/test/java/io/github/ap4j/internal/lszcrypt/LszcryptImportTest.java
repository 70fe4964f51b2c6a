// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.internal.lszcrypt;

import static io.github.ap4j.internal.lszcrypt.LszcryptFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.BadInputException;
import io.github.ap4j.internal.lszcrypt.LszcryptRow.FunctionsForm;
import io.github.ap4j.model.Apqn;
import io.github.ap4j.snapshot.Absence;
import io.github.ap4j.snapshot.ApCard;
import io.github.ap4j.snapshot.ApQueue;
import io.github.ap4j.snapshot.Attr;
import io.github.ap4j.snapshot.HostSnapshot;
import io.github.ap4j.snapshot.SourceKind;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LszcryptImportTest {

    // Layouts of s390-tools lszcrypt.c per era (widths from define_rec_default/verbose()).

    /** 2.0-2.6 (b627b8d8): CARD.DOMAIN, REQUEST_CNT, PENDINGQ_CNT/REQUESTQ_CNT, hex FUNCTIONS. */
    static final String ERA_2_0 = String.join("\n",
            "CARD.DOMAIN TYPE  MODE        STATUS  REQUEST_CNT PENDINGQ_CNT REQUESTQ_CNT HW_TYPE Q_DEPTH FUNCTIONS ",
            "------------------------------------------------------------------------------------------------------",
            "00          CEX5C CCA-Coproc  online           17            1            2      11      08 0x92800000",
            "00.0005     CEX5C CCA-Coproc  online           17            1            2      11      08 0x92800000",
            "");
    /** 2.7-2.14 (6eddae9a): CARD.DOMAIN, REQUESTS, 9 letters SMCDAXNFR, DRIVER. */
    static final String ERA_2_7 = String.join("\n",
            "CARD.DOMAIN TYPE  MODE        STATUS   REQUESTS  PENDING HWTYPE QDEPTH FUNCTIONS  DRIVER     ",
            "---------------------------------------------------------------------------------------------",
            "00          CEX6C CCA-Coproc  online         17        0     12     08 S--D--NF-  cex4card   ",
            "00.0005     CEX6C CCA-Coproc  deconfig       17        0     12     08 S--D--NF-  cex4queue  ",
            "01          CEX6A Accelerator online          3        0     12     08 -MC-A-N--  cex4card   ",
            "01.0005     CEX6A Accelerator -               3        -     12     08 -MC-A-N--  -no-driver-",
            "");
    /** 2.15-2.25 (07677668): CARD.DOM, STATUS width 10, still 9 letters. */
    static final String ERA_2_15 = String.join("\n",
            "CARD.DOM TYPE  MODE        STATUS     REQUESTS  PENDING HWTYPE QDEPTH FUNCTIONS  DRIVER     ",
            "--------------------------------------------------------------------------------------------",
            "00       CEX7P EP11-Coproc offline           0        0     13     08 S----XNF-  cex4card   ",
            "00.0005  CEX7P EP11-Coproc offline           0        0     13     08 S----XNF-  cex4queue  ",
            "");
    /** 2.30-era SE guest (f821f31a): 10 letters and SESTAT. */
    static final String ERA_2_30_SE = String.join("\n",
            "CARD.DOM TYPE  MODE        STATUS     REQUESTS  PENDING HWTYPE QDEPTH FUNCTIONS  DRIVER      SESTAT     ",
            "--------------------------------------------------------------------------------------------------------",
            "02       CEX8C CCA-Coproc  online            5        0     14     09 S--D--NHF- cex4card    -          ",
            "02.0012  CEX8C CCA-Coproc  online            5        0     14     09 S--D--NHF- cex4queue   bound      ",
            "02.0013  CEX8C CCA-Coproc  unassigned        0        -     14     09 S--D--NHF- vfio_ap     unbound    ",
            "");
    /** Plain lszcrypt (no -V), an intermediate era with STATUS width 7. */
    static final String PLAIN_NO_V = String.join("\n",
            "CARD.DOMAIN TYPE  MODE        STATUS  REQUESTS",
            "----------------------------------------------",
            "00          CEX5A Accelerator online         0",
            "00.001a     CEX5A Accelerator online         0",
            "");

    /** id|type|mode|status|requests|pending|pendingq|requestq|hwtype|qdepth|form|functions|driver|sestat */
    private static String summary(LszcryptRow r) {
        return String.join("|", r.id(), r.type(), r.mode(), r.status(), a(r.requests()),
                a(r.pending()), a(r.pendingqCount()), a(r.requestqCount()), a(r.hwtype()),
                a(r.qdepth()), r.functionsForm().name(),
                r.functions().isPresent() ? String.format("%08X", r.functions().get()) : a(r.functions()),
                a(r.driver()), a(r.sestat()));
    }

    private static String a(Attr<?> v) {
        return v.isPresent() ? String.valueOf(v.get()) : v.absence().name().toLowerCase();
    }

    static Stream<Arguments> eras() {
        return Stream.of(
                Arguments.of("2.0", ERA_2_0, List.of(
                        "00|CEX5C|CCA-Coproc|online|17|unknown|1|2|11|8|HEX|92800000|unknown|unknown",
                        "00.0005|CEX5C|CCA-Coproc|online|17|unknown|1|2|11|8|HEX|92800000|unknown|unknown")),
                Arguments.of("2.7", ERA_2_7, List.of(
                        "00|CEX6C|CCA-Coproc|online|17|0|unknown|unknown|12|8|LETTERS9|92800000|cex4card|unknown",
                        "00.0005|CEX6C|CCA-Coproc|deconfig|17|0|unknown|unknown|12|8|LETTERS9|92800000|cex4queue|unknown",
                        "01|CEX6A|Accelerator|online|3|0|unknown|unknown|12|8|LETTERS9|6A000000|cex4card|unknown",
                        "01.0005|CEX6A|Accelerator|-|3|not_supported|unknown|unknown|12|8|LETTERS9|6A000000|missing|unknown")),
                Arguments.of("2.15", ERA_2_15, List.of(
                        "00|CEX7P|EP11-Coproc|offline|0|0|unknown|unknown|13|8|LETTERS9|86800000|cex4card|unknown",
                        "00.0005|CEX7P|EP11-Coproc|offline|0|0|unknown|unknown|13|8|LETTERS9|86800000|cex4queue|unknown")),
                Arguments.of("2.30 SE", ERA_2_30_SE, List.of(
                        "02|CEX8C|CCA-Coproc|online|5|0|unknown|unknown|14|9|LETTERS10|93800000|cex4card|-",
                        "02.0012|CEX8C|CCA-Coproc|online|5|0|unknown|unknown|14|9|LETTERS10|93800000|cex4queue|bound",
                        "02.0013|CEX8C|CCA-Coproc|unassigned|0|not_supported|unknown|unknown|14|9|LETTERS10|93800000|vfio_ap|unbound")),
                Arguments.of("2.43", PLAIN, List.of(
                        "01|CEX8A|Accelerator|online|12|0|unknown|unknown|14|8|LETTERS10|6A800000|cex4card|unknown",
                        "01.0005|CEX8A|Accelerator|online|12|0|unknown|unknown|14|8|LETTERS10|6A800000|cex4queue|unknown",
                        "03|CEX8C|CCA-Coproc|online|4711|3|unknown|unknown|14|8|LETTERS10|93800000|cex4card|unknown",
                        "03.0005|CEX8C|CCA-Coproc|online|4711|3|unknown|unknown|14|8|LETTERS10|93800000|cex4queue|unknown",
                        "03.0006|CEX8C|CCA-Coproc|chkstop|0|0|unknown|unknown|14|8|LETTERS10|93800000|cex4queue|unknown",
                        "04|CEX7P|EP11-Coproc|deconfig|unknown|not_supported|unknown|unknown|13|8|LETTERS10|86800000|cex4card|unknown",
                        "04.0005|CEX7P|EP11-Coproc|deconfig|unknown|not_supported|unknown|unknown|13|8|LETTERS10|86800000|cex4queue|unknown",
                        "06|CEX8C|CCA-Coproc|online|0|0|unknown|unknown|14|8|LETTERS10|93800000|cex4card|unknown",
                        "06.0005|CEX8C|CCA-Coproc|in use|0|not_supported|unknown|unknown|14|8|LETTERS10|93800000|vfio_ap|unknown",
                        "06.0006|CEX8C|CCA-Coproc|unassigned|0|not_supported|unknown|unknown|14|8|LETTERS10|93800000|vfio_ap|unknown",
                        "06.0007|CEX8C|CCA-Coproc|-|not_supported|not_supported|unknown|unknown|14|8|LETTERS10|93800000|missing|unknown")),
                Arguments.of("plain lszcrypt", PLAIN_NO_V, List.of(
                        "00|CEX5A|Accelerator|online|0|unknown|unknown|unknown|unknown|unknown|ABSENT|unknown|unknown|unknown",
                        "00.001a|CEX5A|Accelerator|online|0|unknown|unknown|unknown|unknown|unknown|ABSENT|unknown|unknown|unknown")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eras")
    void everyEraHeaderAndRowForm(String era, String text, List<String> expected) {
        LszcryptListing l = LszcryptImport.parseListing(text, "f");
        assertEquals(expected, l.rows().stream().map(LszcryptImportTest::summary).toList());
    }

    @Test
    void letterFormsKnowDifferentBits() {
        assertEquals(0xFFC00000, FunctionsForm.LETTERS10.knownBits());
        assertEquals(0xFEC00000, FunctionsForm.LETTERS9.knownBits()); // no H (bit 7) before 2.26
        assertEquals(0xFFFFFFFF, FunctionsForm.HEX.knownBits());
    }

    @Test
    void mixedEraFileWithTwoRuns() {
        String[] l = PLAIN.split("\n");
        String later = String.join("\n", List.of(l).subList(4, l.length));
        // a 2.7 run (9 letters, CARD.DOMAIN) and a 2.43 run without its card 01
        String text = "$ lszcrypt -V\n" + ERA_2_7 + "\n[root@host ~]# lszcrypt -V\n" + l[0] + "\n"
                + l[1] + "\n" + later;
        HostSnapshot s = LszcryptImport.parse(text, "mixed.txt");
        assertEquals(List.of(0, 1, 3, 4, 6), s.cards().stream().map(ApCard::id).toList());
        assertEquals(FunctionsForm.LETTERS9, LszcryptImport.parseListing(text, "m").rows().get(0)
                .functionsForm());
        assertEquals(0x92800000, s.card(0).get().functions().get());
        assertEquals(0x93800000, s.card(3).get().functions().get());
        assertEquals(SourceKind.LSZCRYPT, s.provenance().kind());
        assertEquals("mixed.txt", s.provenance().origin());
    }

    @Test
    void rowsOfTwoVersionsUnderOneHeaderAreDetectedPerRow() {
        String text = String.join("\n",
                "CARD.DOM TYPE  MODE        STATUS     REQUESTS  PENDING HWTYPE QDEPTH FUNCTIONS  DRIVER",
                "--------------------------------------------------------------------------------------------",
                "00       CEX7P EP11-Coproc online            0        0     13     08 S----XNF-  cex4card",
                "01       CEX8C CCA-Coproc  online            0        0     14     08 S--D--NHF- cex4card");
        List<LszcryptRow> rows = LszcryptImport.parseListing(text, "f").rows();
        assertEquals(FunctionsForm.LETTERS9, rows.get(0).functionsForm());
        assertEquals(FunctionsForm.LETTERS10, rows.get(1).functionsForm());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$ lszcrypt -V", "# lszcrypt -V", "[root@host ~]# lszcrypt -V",
        "user@z01:~$ sudo lszcrypt -V", "root@z01:/tmp# /usr/sbin/lszcrypt -V", "$", "#>lszcrypt -V"})
    void promptLines(String prompt) {
        LszcryptListing l = LszcryptImport.parseListing(prompt + "\n" + PLAIN + prompt + "\n", "f");
        assertEquals(11, l.rows().size());
    }

    private static String stripTrailingBlanks(String s) {
        return Stream.of(s.split("\n", -1)).map(String::stripTrailing).collect(Collectors.joining("\n"));
    }

    @Test
    void messyPastesAreAccepted() {
        List<String> rows = LszcryptImport.parseListing(PLAIN, "f").rows().stream()
                .map(LszcryptImportTest::summary).toList();
        String noFinalNewline = PLAIN.substring(0, PLAIN.length() - 1);
        String stripped = stripTrailingBlanks(PLAIN);
        String crlf = PLAIN.replace("\n", "\r\n");
        String blanks = "\n\n" + PLAIN.replace("\n01.0005", "\n\n01.0005") + "\n\n";
        String warned = PLAIN + "Warning: Default domain 0x10 is not available.\n";
        for (String t : List.of(noFinalNewline, stripped, crlf, blanks, warned,
                stripTrailingBlanks(noFinalNewline))) {
            assertEquals(rows, LszcryptImport.parseListing(t, "f").rows().stream()
                    .map(LszcryptImportTest::summary).toList());
        }
    }

    @Test
    void warningLineGivesTheDefaultDomain() {
        HostSnapshot s = LszcryptImport.parse(PLAIN + "Warning: Default domain 0x10 is not available.", "f");
        assertEquals(0x10, s.bus().apDomain().get());
        HostSnapshot none = LszcryptImport.parse(PLAIN, "f");
        assertEquals(Absence.UNKNOWN, none.bus().apDomain().absence());
        HostSnapshot unset = LszcryptImport.parse(
                PLAIN + "Warning: Default domain 0xffffffffffffffff is not available.\n", "f");
        assertEquals(-1, unset.bus().apDomain().get());
    }

    static Stream<Arguments> badInput() {
        String h = PLAIN.substring(0, PLAIN.indexOf("01       "));
        return Stream.of(
                Arguments.of(h + "01       CEX8A Accelerator online  12  0  14  08 -MC-A-N-F-\n",
                        "f line 3: lszcrypt row with 9 fields where the header has 10: "
                                + "'01       CEX8A Accelerator online  12  0  14  08 -MC-A-N-F-'"),
                Arguments.of(h + "01       CEX8A Accelerator online 12 0 14 08 -MC-Q-N-F- cex4card\n",
                        "f line 3: FUNCTIONS '-MC-Q-N-F-' is none of SMCDAXNHFR, SMCDAXNFR (letter or "
                                + "'-' each) or 0x%08x: '01       CEX8A Accelerator online 12 0 14 08 "
                                + "-MC-Q-N-F- cex4card'"),
                Arguments.of(h + "01       CEX8A CCA-Coproc online 12 0 14 08 -MC-A-N-F- cex4card\n",
                        "f line 3: MODE 'CCA-Coproc' disagrees with FUNCTIONS '-MC-A-N-F-' (lszcrypt "
                                + "derives both from ap_functions): '01       CEX8A CCA-Coproc online 12 0 "
                                + "14 08 -MC-A-N-F- cex4card'"),
                Arguments.of(h + "01       CEX8A Accelerator sleeping 12 0 14 08 -MC-A-N-F- cex4card\n",
                        "f line 3: STATUS 'sleeping' is not a value lszcrypt prints: '01       CEX8A "
                                + "Accelerator sleeping 12 0 14 08 -MC-A-N-F- cex4card'"),
                Arguments.of(h + "01       CEX8A Accelerator online 1x2 0 14 08 -MC-A-N-F- cex4card\n",
                        "f line 3: REQUESTS '1x2' is not a number: '01       CEX8A Accelerator online "
                                + "1x2 0 14 08 -MC-A-N-F- cex4card'"),
                Arguments.of(h + "zz       CEX8A Accelerator online 12 0 14 08 -MC-A-N-F- cex4card\n",
                        "f line 3: not an lszcrypt row (expected a card XX or queue XX.YYYY id first): "
                                + "'zz       CEX8A Accelerator online 12 0 14 08 -MC-A-N-F- cex4card'"),
                Arguments.of(h + "01.0100  CEX8A Accelerator online 12 0 14 08 -MC-A-N-F- cex4queue\n",
                        "f line 3: bad queue id '01.0100': '01.0100  CEX8A Accelerator online 12 0 14 "
                                + "08 -MC-A-N-F- cex4queue'"),
                Arguments.of(h + "  01     CEX8A Accelerator online 12 0 14 08 -MC-A-N-F- cex4card\n",
                        "f line 3: indented line, not an lszcrypt row: '  01     CEX8A Accelerator "
                                + "online 12 0 14 08 -MC-A-N-F- cex4card'"),
                Arguments.of("CARD.DOM TYPE MODE\n---\n",
                        "f line 1: lszcrypt header with columns in an order no lszcrypt version "
                                + "prints: 'CARD.DOM TYPE MODE'"),
                Arguments.of("CARD.DOM TYPE  MODE        STATUS     SERIALNR\n----------\n",
                        "f line 1: unsupported lszcrypt header (unknown column 'SERIALNR'; only the "
                                + "CARD.DOM listing of lszcrypt [-V] is read): 'CARD.DOM TYPE  MODE"
                                + "        STATUS     SERIALNR'"),
                Arguments.of(PLAIN.replace("\n----", "\nxx----"),
                        "f line 2: expected the dashed line under the lszcrypt header: 'xx"
                                + "-".repeat(92) + "'"),
                Arguments.of(PLAIN.split("\n")[0] + "\n",
                        "f line 2: text ends after the lszcrypt header, without its dashed line"),
                Arguments.of(PLAIN + "$ lscpu\n",
                        "f line 14: a command other than lszcrypt; expected only lszcrypt -V output: "
                                + "'$ lscpu'"),
                Arguments.of(PLAIN + "Error - no subdevices found for /sys/devices/ap/card07.\n",
                        "f line 14: not an lszcrypt row (expected a card XX or queue XX.YYYY id first): "
                                + "'Error - no subdevices found for /sys/devices/ap/card07.'"),
                Arguments.of(PLAIN + PLAIN.substring(PLAIN.indexOf("03.0005")),
                        "f line 14: queue 03.0005 listed again (first on line 6)"),
                Arguments.of(PLAIN + "Warning: Default domain 0x10 is not available.\n"
                        + "Warning: Default domain 0x11 is not available.\n",
                        "f line 15: default-domain warning disagrees with line 14: "
                                + "'Warning: Default domain 0x11 is not available.'"),
                Arguments.of(h + "01       CEX8A Accelerator online 12 0 14 08 -MC-A-N-F- cex4card\n"
                        + "01.0005  CEX7A Accelerator online 12 0 14 08 -MC-A-N-F- cex4queue\n",
                        "f line 4: card 01 TYPE 'CEX7A' disagrees with 'CEX8A' on an earlier line"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badLinesNameTheLineAndQuoteIt(String text, String message) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> LszcryptImport.parse(text, "f"));
        assertEquals(message, e.getMessage());
    }

    static final String LSCPU = String.join("\n",
            "Architecture:                    s390x",
            "CPU op-mode(s):                  32-bit, 64-bit",
            "Byte Order:                      Big Endian",
            "CPU(s):                          4",
            "Vendor ID:                       IBM/S390",
            "");

    static final String NOT_A_LISTING = "not an lszcrypt listing (expected lszcrypt -V output: a "
            + "header line starting with CARD.DOM, or a shell prompt running lszcrypt)";

    static Stream<Arguments> otherText() {
        return Stream.of(
                Arguments.of(LSCPU, "f line 1: " + NOT_A_LISTING),
                Arguments.of("hello world\n", "f line 1: " + NOT_A_LISTING),
                // Case 8: a file named by mistake is never echoed, not even a shadow hash.
                Arguments.of("root:$y$j9T$Xy1abc$Q2hhbmdlTWVQbGVhc2U.:19700:0:99999:7:::\n",
                        "f line 1: " + NOT_A_LISTING),
                Arguments.of("\u001b]0;title\u0007secret\n", "f line 1: " + NOT_A_LISTING),
                Arguments.of("$ lszcrypt -V\n\n", "f: not lszcrypt -V output: no header line starting "
                        + "with CARD.DOM or CARD.DOMAIN"),
                Arguments.of("", "f: empty input: expected the output of lszcrypt -V"),
                Arguments.of("  \n \n", "f: empty input: expected the output of lszcrypt -V"));
    }

    @ParameterizedTest
    @MethodSource("otherText")
    void anotherToolsOutputIsRejectedInOneLine(String text, String message) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> LszcryptImport.parse(text, "f"));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void snapshotKeepsOnlyWhatTheTextSays() {
        HostSnapshot s = LszcryptImport.parse(PLAIN, "f");
        ApCard c4 = s.card(4).get();
        assertEquals(false, c4.config().get());               // deconfig
        assertEquals(Absence.UNKNOWN, c4.online().absence());  // not looked at when deconfig
        assertEquals(Absence.UNKNOWN, c4.requestCount().absence()); // "-" because deconfig
        assertEquals(Absence.UNKNOWN, c4.depth().absence());   // QDEPTH meaning varies
        assertEquals(Absence.UNKNOWN, c4.rawHwtype().absence());
        assertEquals(13, c4.hwtype().get());
        ApQueue chk = s.queue(Apqn.of(3, 6)).get();
        assertEquals(true, chk.chkstop().get());
        assertEquals(Absence.UNKNOWN, chk.functions().absence()); // FUNCTIONS shows the card's
        assertEquals(Absence.UNKNOWN, chk.pendingqCount().absence()); // PENDING is a sum
        ApQueue inUse = s.queue(Apqn.of(6, 5)).get();
        assertEquals("in use", inUse.vfioStatus().get());
        assertEquals(Absence.MISSING, inUse.online().absence());
        ApQueue noDriver = s.queue(Apqn.of(6, 7)).get();
        assertEquals(Absence.MISSING, noDriver.driver().absence());
        assertEquals(Absence.NOT_SUPPORTED, noDriver.requestCount().absence());
        assertEquals(Absence.MISSING, noDriver.online().absence());
        assertEquals(Absence.UNKNOWN, noDriver.vfioStatus().absence());
        assertEquals(Absence.UNKNOWN, s.bus().features().absence());
        assertEquals(Absence.UNKNOWN, s.matrix().absence());
    }

    @Test
    void queueRowsWithoutTheirCardRowStillDescribeTheCard() {
        String text = String.join("\n", PLAIN.split("\n")[0], PLAIN.split("\n")[1],
                PLAIN.split("\n")[5]);
        HostSnapshot s = LszcryptImport.parse(text, "f");
        ApCard c = s.card(3).get();
        assertEquals("CEX8C", c.type().get());
        assertEquals(0x93800000, c.functions().get());
        assertEquals(Absence.UNKNOWN, c.online().absence());
        assertTrue(s.queue(Apqn.of(3, 5)).isPresent());
    }

    // ------------------------------------------------------------------ round trip

    @ParameterizedTest
    @ValueSource(strings = {"plain", "se"})
    void formatThenParseGivesBackWhatLszcryptShows(String which) {
        HostSnapshot orig = which.equals("plain") ? plainHost() : seHost();
        String text = LszcryptFormatter.format(orig);
        HostSnapshot back = LszcryptImport.parse(text, "round");
        assertEquals(orig.cards().stream().map(ApCard::id).toList(),
                back.cards().stream().map(ApCard::id).toList());
        assertEquals(orig.queues().stream().map(ApQueue::apqn).toList(),
                back.queues().stream().map(ApQueue::apqn).toList());
        for (ApCard o : orig.cards()) {
            ApCard b = back.card(o.id()).get();
            assertEquals(o.type(), b.type());
            assertEquals(o.hwtype(), b.hwtype());
            assertEquals(o.functions().get() & FunctionsForm.LETTERS10.knownBits(), b.functions().get());
            assertEquals(o.driver(), b.driver());
            if (o.config().get()) {
                assertEquals(o.online(), b.online());
                assertEquals(o.requestCount(), b.requestCount());
            } else {
                assertEquals(o.config(), b.config());
            }
        }
        for (ApQueue o : orig.queues()) {
            ApQueue b = back.queue(o.apqn()).get();
            assertEquals(o.driver(), b.driver(), o.apqn().toString());
            if (!o.config().get()) {
                assertEquals(o.config(), b.config());
            } else if (o.chkstop().get()) {
                assertEquals(o.chkstop(), b.chkstop());
            } else {
                assertEquals(o.online(), b.online(), o.apqn().toString());
                assertEquals(o.requestCount(), b.requestCount(), o.apqn().toString());
                if (o.vfioStatus().isPresent()) {
                    assertEquals(o.vfioStatus(), b.vfioStatus());
                }
            }
        }
        // the rows carry the rest (PENDING, QDEPTH, SESTAT) and format identically again
        LszcryptListing l = LszcryptImport.parseListing(text, "round");
        assertEquals(which.equals("se"), l.sestat());
        assertEquals(orig.cards().size() + orig.queues().size(), l.rows().size());
    }
}
