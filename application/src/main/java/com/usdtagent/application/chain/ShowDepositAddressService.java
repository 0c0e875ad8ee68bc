package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;

/** The caller's deposit address, assigned on first use. */
final class ShowDepositAddressService implements ShowDepositAddress {

    private final DepositAddresses addresses;
    private final DepositAddressDeriver deriver;
    private final ChainConfig config;

    ShowDepositAddressService(DepositAddresses addresses, DepositAddressDeriver deriver, ChainConfig config) {
        this.addresses = addresses;
        this.deriver = deriver;
        this.config = config;
    }

    @Override
    public AddressView depositAddress(AuthenticatedUser caller) {
        DepositAddress address = addresses.ofUser(caller.id()).orElseGet(() -> {
            // two first calls at once may both take an index; one address is stored, the other index stays unused
            int index = addresses.nextIndex();
            return addresses.addIfAbsent(new DepositAddress(caller.id(), index, deriver.addressAt(index)));
        });
        return new AddressView(config.chainId(), config.token(), address.address(), config.confirmations(),
                config.fee(), config.minimum(), config.approvalAbove());
    }
}
