// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecodeCommandTest {

    @Test
    void gr2Json() {
        CliRun r = CliRun.of("decode", "--gr2", "0xF28000000E550007", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                {
                  "apsc" : true,
                  "ap4km" : true,
                  "ap4kc" : true,
                  "mode" : "CCA",
                  "apxa" : true,
                  "slcf" : false,
                  "classification" : 128,
                  "fullNative" : true,
                  "stateless" : false,
                  "bindState" : 0,
                  "bindStateName" : "USABLE",
                  "rawType" : 14,
                  "typeName" : "CEX8",
                  "domains" : 85,
                  "maxMessageSize" : 12288,
                  "queueDepth" : 8,
                  "letters" : "SMCD--N-F-"
                }
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void functionsWithoutTypeHasNullsWhereTheWordSaysNothing() {
        CliRun r = CliRun.of("decode", "--functions", "0x87C0C000", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"mode\" : \"EP11\""), r.out());
        assertTrue(r.out().contains("\"slcf\" : true"));
        assertTrue(r.out().contains("\"stateless\" : true"));
        assertTrue(r.out().contains("\"bindState\" : 3"));
        assertTrue(r.out().contains("\"bindStateName\" : \"UNUSABLE\""));
        assertTrue(r.out().contains("\"rawType\" : null"));
        assertTrue(r.out().contains("\"typeName\" : null"));
        assertTrue(r.out().contains("\"domains\" : null"));
        assertTrue(r.out().contains("\"queueDepth\" : null"));
        assertTrue(r.out().contains("\"letters\" : \"S----XNHFR\""));
    }

    @Test
    void functionsWithRawTypeText() {
        CliRun r = CliRun.of("decode", "--functions", "0x88800000", "--raw-hwtype", "13");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                ap_functions 0x88800000,at=13 (GR2 bits 0-31 + raw AP type)
                  bit 0     APSC         yes        AP special command facility
                  bit 1     AP4KM        no         4096-bit modular exponentiation
                  bit 2     AP4KC        no         4096-bit CRT
                  bits 3-5  mode         ACCEL      accelerator
                  bit 6     APXA         no         AP extended addressing
                  bit 7     SLCF         no         stateless command filtering
                  bits 8-15 class        0x80       full native card function
                  bits16-17 bind state   0          USABLE
                  bits32-39 AP type      13         CEX7
                  bits40-63              -          nd, ml, qd unknown: not a TAPQ GR2 word
                  lszcrypt FUNCTIONS     S---A---F- SMCDAXNHFR
                """, r.out());
    }

    @Test
    void statusJson() {
        CliRun r = CliRun.of("decode", "--status", "0x82010000", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                {
                  "queueEmpty" : true,
                  "repliesWaiting" : false,
                  "queueFull" : false,
                  "async" : true,
                  "irqEnabled" : false,
                  "responseCode" : 1,
                  "responseName" : "Q_NOT_AVAIL"
                }
                """, r.out());
    }

    @Test
    void unknownResponseCodeKeepsNumberAndNullName() {
        CliRun r = CliRun.of("decode", "--status", "0x00370000", "--format", "json");
        assertTrue(r.out().contains("\"responseCode\" : 55"));
        assertTrue(r.out().contains("\"responseName\" : null"));
    }

    @Test
    void qciJsonAndText() {
        String qci = "e0800000ff54" + "00".repeat(10) // flags, na, nd, reserved
                + "06" + "00".repeat(31)           // apm: adapters 5, 6
                + "000000000000180" + "0" + "00".repeat(24) // aqm: domains 51, 52
                + "00000000000010" + "20" + "00".repeat(24)   // adm: 51, 58
                + "00".repeat(16);
        CliRun r = CliRun.of("decode", "--qci", qci, "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"adapters\" : [ 5, 6 ]"), r.out());
        assertTrue(r.out().contains("\"usageDomains\" : [ 51, 52 ]"), r.out());
        assertTrue(r.out().contains("\"controlDomains\" : [ 51, 58 ]"), r.out());
        assertTrue(r.out().contains("\"apsb\" : true"));
        assertTrue(r.out().contains("\"maxAdapterId\" : 255"));
        assertTrue(r.out().contains("\"maxDomainId\" : 84"));
        assertTrue(r.out().contains("\"features\" : \"APSC APXA QACT APSB\""));
        CliRun t = CliRun.of("decode", "--qci", qci);
        assertTrue(t.out().contains("adm                    0x0000000000001020"), t.out());
        assertTrue(t.out().contains("51,58"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "decode --gr2 0xZZ # ap4j decode: --gr2: a GR2 word is 0x + 16 hex digits, got '0xZZ'",
        "decode --gr2 0xF28000000E55000G # ap4j decode: --gr2: not a hardware-info word (expected 0x + 16 hex digits, 0x + 8 hex digits, or 0x<8 hex>,at=<type>): '0xF28000000E55000G'",
        "decode --functions 0x9280 # ap4j decode: --functions: an ap_functions word is 0x + 8 hex digits, got '0x9280'",
        "decode --functions 0x92800000 --raw-hwtype 256 # ap4j decode: --raw-hwtype: raw AP type out of range 0..255: 256",
        "decode --gr2 0xF28000000E550007 --raw-hwtype 14 # ap4j decode: --raw-hwtype goes with --functions",
        "decode --status nope # ap4j decode: --status: not a queue status word (expected 0x + up to 8 hex digits, or 16 for a whole GR1): 'nope'",
        "decode --status 0x123456789 # ap4j decode: --status: not a queue status word (expected 0x + up to 8 hex digits, or 16 for a whole GR1): '0x123456789'",
        "decode --qci 00 # ap4j decode: --qci: a QCI block is 256 hex digits, got 2: '00'",
        "decode # ap4j decode: Error: Missing required argument (specify one of these): (--gr2=WORD | --functions=WORD | --status=WORD | --qci=HEX)",
        "decode --gr2 0xF28000000E550007 --status 0x0 # ap4j decode: Error: --gr2=WORD, --status=WORD are mutually exclusive (specify only one)",
        "decode --gr2 0xF28000000E550007 --format xml # ap4j decode: Invalid value for option '--format': expected one of [text, json] (case-insensitive) but was 'xml'",
        "frobnicate # ap4j: Unmatched argument at index 0: 'frobnicate'",
    })
    void badInputIsOneLineAndExit2(String args, String line) {
        CliRun r = CliRun.of(args.trim().split(" "));
        assertEquals(2, r.exitCode());
        assertEquals(line.trim() + System.lineSeparator(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun r = CliRun.of("decode", "--status", "nope", "--verbose");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("at io.github.ap4j.model.QueueStatus.parse"), r.err());
    }

    @Test
    void helpListsExitCodes() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("1   check: some target is incompatible"), r.out());
        assertTrue(r.out().contains("3   unavailable here"), r.out());
        assertTrue(r.out().contains("4   a bug in ap4j"), r.out());
        assertTrue(r.out().contains("5   check: some target unverifiable, none"), r.out());
        assertFalse(r.out().isEmpty());
    }
}
