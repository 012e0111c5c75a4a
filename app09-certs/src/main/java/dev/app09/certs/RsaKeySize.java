package dev.app09.certs;

/**
 * The RSA key sizes app09 generates. Entra verifies client assertions signed with RS256 and
 * azure-identity loads only RSA keys, so certificates are RSA; 2048 bits is the smallest size the
 * guidance accepts.
 */
public enum RsaKeySize {
    /** 2048 bits: the default, as {@code New-SelfSignedCertificate} in the guidance. */
    RSA_2048(2048),
    /** 3072 bits. */
    RSA_3072(3072),
    /** 4096 bits (slow to generate: seconds). */
    RSA_4096(4096);

    private final int bits;

    RsaKeySize(int bits) {
        this.bits = bits;
    }

    /** @return the modulus length in bits */
    public int bits() {
        return bits;
    }

    /**
     * @param bits 2048, 3072 or 4096
     * @return the size
     * @throws IllegalArgumentException for any other number, naming the accepted ones
     */
    public static RsaKeySize ofBits(int bits) {
        for (RsaKeySize size : values()) {
            if (size.bits == bits) {
                return size;
            }
        }
        throw new IllegalArgumentException("RSA key size " + bits + " is not offered: use 2048, 3072 or 4096");
    }
}
