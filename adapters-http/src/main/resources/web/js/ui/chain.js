// USDT on chain, on the wallet page: the deposit address with its QR code, deposits with their confirmations, the
// withdrawal form and the person's withdrawals; for admins, the withdrawals waiting for approval. Without a chain
// the server answers 409 INVALID_STATE, and the page says that on-chain deposits are off.
import { ConfirmAction, ErrorText, Field, dateAndTime, html, useClientEvent, useLoad, usdt } from "./common.js";
import { useEffect, useRef, useState } from "../../vendor/htm-preact.module.js";
import qrcode from "../../vendor/qrcode-generator.js";

const POLL_MS = 3000; // confirmations grow with blocks, which no event announces
const DEPOSIT_STATUS = { PENDING: "Waiting for confirmations", CREDITED: "Credited" };
const WITHDRAWAL_STATUS = {
  PENDING_APPROVAL: "Waiting for an admin's approval", QUEUED: "Queued", SENT: "Sent, waiting for confirmations",
  CONFIRMED: "Confirmed", REJECTED: "Rejected, funds returned", FAILED: "Failed, funds returned",
};
const OPEN_WITHDRAWALS = ["PENDING_APPROVAL", "QUEUED", "SENT"];

/** The chain's deposit address, or null when the server has no chain. */
async function chainOf(client) {
  const { onChain } = await client.appConfig();
  return onChain ? client.depositAddress() : null;
}

export function OnChain({ client, onMoved }) {
  const chain = useLoad(() => chainOf(client), []);
  if (chain.loading && chain.value === undefined) return null;
  if (chain.value === null || chain.error?.code === "INVALID_STATE") {
    return html`<section class="chain" aria-labelledby="chain-title">
      <h2 id="chain-title">On chain</h2>
      <p class="muted">On-chain deposits and withdrawals are off on this server: this wallet holds the USDT of the
        ledger only, credited by an admin and moved by orders.</p>
    </section>`;
  }
  if (chain.error) return html`<${ErrorText} error=${chain.error} />`;
  return html`<${ChainActivity} client=${client} chain=${chain.value} onMoved=${onMoved} />`;
}

function ChainActivity({ client, chain, onMoved }) {
  const deposits = useLoad(() => client.deposits(), []);
  const withdrawals = useLoad(() => client.withdrawals(), []);
  const reload = () => {
    deposits.reload();
    withdrawals.reload();
  };
  useClientEvent(client, "wallet", reload);
  const waiting = (deposits.value ?? []).some((deposit) => deposit.status === "PENDING")
    || (withdrawals.value ?? []).some((withdrawal) => OPEN_WITHDRAWALS.includes(withdrawal.status));
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting]);

  return html`<section class="chain card" aria-labelledby="deposit-address-title">
      <h2 id="deposit-address-title">Deposit USDT</h2>
      <div class="address">
        <${QrCode} text=${chain.address} label="QR code of the deposit address" />
        <div class="address-text">
          <p>Your deposit address</p>
          <p><code>${chain.address}</code></p>
          <p class="muted">Send only USDT (token ${chain.token}) on chain ${chain.chainId}.</p>
          <p class="muted">${`A deposit is credited after ${chain.confirmations} confirmations.`}</p>
        </div>
      </div>
      <div class="page-head"><h3>Deposits</h3>
        <button type="button" class="quiet" onClick=${reload}>Refresh<span class="sr-only"> deposits</span></button></div>
      <${ErrorText} error=${deposits.error} />
      <ul class="entries" aria-label="Deposits">${(deposits.value ?? []).map((deposit) => html`<li key=${`${deposit.txHash}:${deposit.logIndex}`}>
        <span>${DEPOSIT_STATUS[deposit.status]} <code>${deposit.status}</code>${
          `, ${Math.min(deposit.confirmations, chain.confirmations)} of ${chain.confirmations} confirmations`}
          <span class="muted"> ${short(deposit.txHash)}</span></span>
        <span class="amount in">${usdt(deposit.amount)}</span>
        <time class="muted" datetime=${deposit.seenAt}>${dateAndTime(deposit.seenAt)}</time>
      </li>`)}</ul>
      ${deposits.value?.length === 0 && html`<p class="muted">No deposit yet.</p>`}
    </section>
    <section class="chain card" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">Withdraw USDT</h2>
      <${WithdrawForm} client=${client} chain=${chain} onRequested=${() => { reload(); onMoved(); }} />
      <h3>Your withdrawals</h3>
      <${ErrorText} error=${withdrawals.error} />
      <${WithdrawalItems} label="Withdrawals" withdrawals=${withdrawals.value ?? []} />
      ${withdrawals.value?.length === 0 && html`<p class="muted">No withdrawal yet.</p>`}
    </section>`;
}

function WithdrawForm({ client, chain, onRequested }) {
  const [error, setError] = useState(null);
  const [done, setDone] = useState(null);
  const [busy, setBusy] = useState(false);
  // one key per submission; the same values sent again after a lost answer reuse it, so they withdraw once
  const unanswered = useRef(null);
  const submit = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const address = form.elements.address.value.trim();
    const amount = form.elements.amount.value.trim();
    const same = unanswered.current?.address === address && unanswered.current?.amount === amount;
    const key = same ? unanswered.current.key : crypto.randomUUID();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const withdrawal = await client.withdraw(address, amount, key);
      unanswered.current = null;
      setDone(`${usdt(withdrawal.amount)} to ${short(withdrawal.address)}: ${WITHDRAWAL_STATUS[withdrawal.status]}.`);
      form.reset();
      onRequested();
    } catch (failure) {
      unanswered.current = ["NETWORK", "INTERNAL"].includes(failure.code) ? { address, amount, key } : null;
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="withdraw" onSubmit=${submit}>
    <div class="grid">
      <${Field} label="To address" name="address" required autocomplete="off" spellcheck="false" error=${error}
        hint=${`An address on chain ${chain.chainId}`} />
      <${Field} label="Amount (USDT)" name="amount" inputmode="decimal" required autocomplete="off" error=${error}
        hint=${`At least ${usdt(chain.withdrawalMin)}; above ${usdt(chain.withdrawalApprovalAbove)} an admin approves it first`} />
    </div>
    <p>Fee: <strong>${usdt(chain.withdrawalFee)}</strong>, taken from your available USDT with the amount.</p>
    <${ErrorText} error=${error} fields=${["address", "amount"]} />
    <button type="submit" class="primary" disabled=${busy}>Withdraw</button>
    <p role="status">${done}</p>
  </form>`;
}

function WithdrawalItems({ label, withdrawals, actions }) {
  return html`<ul class="entries review" aria-label=${label}>${withdrawals.map((withdrawal) => html`<li key=${withdrawal.id}>
    <span>${WITHDRAWAL_STATUS[withdrawal.status]} <code>${withdrawal.status}</code>, to <code>${short(withdrawal.address)}</code>
      <span class="muted"> fee ${usdt(withdrawal.fee)}${withdrawal.txHash ? `, ${short(withdrawal.txHash)}` : ""}</span></span>
    <span class="amount out">${usdt(withdrawal.amount)}</span>
    <time class="muted" datetime=${withdrawal.createdAt}>${dateAndTime(withdrawal.createdAt)}</time>
    ${actions?.(withdrawal)}
  </li>`)}</ul>`;
}

/** Admins: withdrawals above the approval threshold, approved (then sent) or rejected (funds return). */
export function WithdrawalReview({ client }) {
  const waiting = useLoad(async () => ((await client.appConfig()).onChain ? client.withdrawalsToReview("PENDING_APPROVAL") : null), []);
  if (!waiting.value && !waiting.error) return null; // loading, or no chain
  const decide = (withdrawal, decision) => async () => {
    await client.reviewWithdrawal(withdrawal.id, decision);
    waiting.reload();
  };
  return html`<section class="chain card" aria-labelledby="review-title">
    <h2 id="review-title">Withdrawals waiting for approval</h2>
    <${ErrorText} error=${waiting.error} />
    <${WithdrawalItems} label="Withdrawals to approve" withdrawals=${waiting.value ?? []} actions=${(withdrawal) => html`
      <div class="actions">
        <${ConfirmAction} label="Approve" onConfirm=${decide(withdrawal, "approve")} confirmLabel="Yes, send it"
          question=${`Send ${usdt(withdrawal.amount)} to ${withdrawal.address}?`} />
        <${ConfirmAction} label="Reject" kind="danger" onConfirm=${decide(withdrawal, "reject")}
          confirmLabel="Yes, reject it" question=${`Reject and return ${usdt(withdrawal.amount)} to its owner?`} />
      </div>`} />
    ${waiting.value?.length === 0 && html`<p class="muted">No withdrawal is waiting.</p>`}
  </section>`;
}

/** The text as a QR code, drawn as one SVG path (no inline style, which the page's CSP forbids). */
function QrCode({ text, label }) {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  let path = "";
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (qr.isDark(row, column)) path += `M${column + 4},${row + 4}h1v1h-1z`;
    }
  }
  return html`<svg class="qr" role="img" aria-label=${label} viewBox=${`0 0 ${count + 8} ${count + 8}`}
    shape-rendering="crispEdges"><path d=${path} fill="#000" /></svg>`;
}

/** 0x1234…cdef: enough to recognise a hash or an address in a list. */
function short(hex) {
  return hex && hex.length > 14 ? `${hex.slice(0, 8)}…${hex.slice(-6)}` : hex ?? "";
}
