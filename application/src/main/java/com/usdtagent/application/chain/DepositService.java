package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;

import java.util.List;

/** The caller's deposit address, assigned on first use, and the deposits seen to it. */
final class DepositService implements ShowDepositAddress, ListDeposits {

    private final DepositAddresses addresses;
    private final DepositAddressDeriver deriver;
    private final Deposits deposits;
    private final ScannedBlocks scanned;
    private final ChainConfig config;

    DepositService(DepositAddresses addresses, DepositAddressDeriver deriver, Deposits deposits, ScannedBlocks scanned,
                   ChainConfig config) {
        this.addresses = addresses;
        this.deriver = deriver;
        this.deposits = deposits;
        this.scanned = scanned;
        this.config = config;
    }

    @Override
    public AddressView depositAddress(AuthenticatedUser caller) {
        DepositAddress address = addresses.ofUser(caller.id()).orElseGet(() -> {
            // two first calls at once may both take an index; one address is stored, the other index stays unused
            int index = addresses.nextIndex();
            return addresses.addIfAbsent(new DepositAddress(caller.id(), index, deriver.addressAt(index)));
        });
        return new AddressView(config.chainId(), config.token(), address.address(), config.confirmations());
    }

    @Override
    public List<DepositView> deposits(AuthenticatedUser caller) {
        long newest = scanned.newestFirst().stream().findFirst().map(ScannedBlock::number).orElse(-1L);
        return deposits.ofUser(caller.id(), LIMIT).stream()
                .map(deposit -> new DepositView(deposit, deposit.confirmationsAt(newest)))
                .toList();
    }
}
