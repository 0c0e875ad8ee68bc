package com.usdtagent.application.chain;

/** One pass of the deposit follower: read the chain on from where it stopped, and credit what is confirmed. */
public interface FollowDeposits {

    void follow();
}
