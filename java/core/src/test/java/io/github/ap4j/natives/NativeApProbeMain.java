// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

/** Run in a child JVM by {@link NativeApTest}: prints whether libap4j loaded, and its ABI. */
final class NativeApProbeMain {

    private NativeApProbeMain() {
    }

    public static void main(String[] args) {
        if (NativeAp.isLibraryLoaded()) {
            System.out.println("loaded abi " + NativeAp.shim().abiVersion());
        } else {
            System.out.println("not loaded: " + NativeAp.unavailabilityCause().orElseThrow().getMessage());
        }
    }
}
