// The wallet: available and locked USDT and the ledger entries behind them, the chain's deposits and withdrawals
// (chain.js) when the server has a chain; admins also credit deposits and review large withdrawals here.
import { ErrorText, Field, dateAndTime, html, useClientEvent, useLoad, usdt } from "./common.js";
import { useEffect, useState } from "../../vendor/htm-preact.module.js";
import { OnChain, WithdrawalReview } from "./chain.js";

const KINDS = { DEPOSIT: "Deposit", LOCK: "Locked for an order", RELEASE: "Released by an order", REFUND: "Returned by an order",
  WITHDRAWAL_HOLD: "Held for a withdrawal", WITHDRAWAL: "Withdrawn on chain", WITHDRAWAL_RETURN: "Returned by a withdrawal" };
const PAGE = 50;

export function WalletPage({ client }) {
  const wallet = useLoad(() => client.wallet(), []);
  const [entries, setEntries] = useState([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState(null);
  const loadEntries = (before) => client.walletEntries(before).then((page) => {
    setEntries((shown) => (before ? [...shown, ...page] : page));
    setMore(page.length >= PAGE);
  }, setError);
  useEffect(() => { loadEntries(); }, []);
  const refresh = () => {
    wallet.reload();
    loadEntries();
  };
  useClientEvent(client, "order", refresh); // every order step may move this wallet's USDT
  useClientEvent(client, "wallet", refresh); // and so may the chain

  return html`<section class="page wallet">
    <h1>Wallet</h1>
    <${ErrorText} error=${wallet.error ?? error} />
    ${wallet.value && html`<dl class="balance">
      <div><dt>Available</dt><dd>${usdt(wallet.value.available)}</dd></div>
      <div><dt>Locked</dt><dd>${usdt(wallet.value.locked)}</dd></div>
    </dl>`}
    <${OnChain} client=${client} onMoved=${refresh} />
    ${client.user.role === "admin" && html`<${WithdrawalReview} client=${client} />
      <${DepositForm} client=${client} onDeposited=${refresh} />`}
    <h2>Entries</h2>
    <ul class="entries" aria-label="Wallet entries">
      ${entries.map((entry) => html`<li key=${entry.id}>
        <span>${KINDS[entry.kind] ?? entry.kind}, ${entry.account.toLowerCase()}
          ${entry.orderId && html` <a href=${`#/orders/${entry.orderId}`}>order</a>`}
          ${entry.reference && html` <span class="muted">${entry.reference}</span>`}</span>
        <span class=${entry.amount.startsWith("-") ? "amount out" : "amount in"}>${usdt(entry.amount)}</span>
        <time class="muted" datetime=${entry.createdAt}>${dateAndTime(entry.createdAt)}</time>
      </li>`)}
    </ul>
    ${entries.length === 0 && html`<p class="muted">No entries yet.</p>`}
    ${more && html`<button type="button" class="quiet" onClick=${() => loadEntries(entries.at(-1).id)}>Older entries</button>`}
  </section>`;
}

function DepositForm({ client, onDeposited }) {
  const [reference, setReference] = useState(() => crypto.randomUUID());
  const [error, setError] = useState(null);
  const [done, setDone] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const { username, amount } = Object.fromEntries(new FormData(form));
    setBusy(true);
    setError(null);
    try {
      const user = await client.findUser(username.trim());
      if (!user) throw new Error(`Nobody is called ${username.trim()}`);
      const balance = await client.deposit(user.id, amount.trim(), reference.trim());
      setDone(`Credited ${usdt(amount.trim())} to ${user.username}. Their wallet: ${usdt(balance.available)} available, ${usdt(balance.locked)} locked.`);
      setReference(crypto.randomUUID()); // the reference makes a deposit idempotent: a new one for the next
      form.reset();
      onDeposited();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="card deposit" onSubmit=${submit} aria-labelledby="deposit-title">
    <h2 id="deposit-title">Deposit to a user's wallet</h2>
    <div class="grid">
      <${Field} label="Username" name="username" required autocomplete="off" error=${error} />
      <${Field} label="Amount (USDT)" name="amount" inputmode="decimal" required autocomplete="off" error=${error} />
      <${Field} label="Reference" name="reference" value=${reference} required error=${error}
        onInput=${(event) => setReference(event.currentTarget.value)}
        hint="Such as the chain transaction; one reference is credited once" />
    </div>
    <${ErrorText} error=${error} fields=${["amount", "reference"]} />
    <button type="submit" class="primary" disabled=${busy}>Deposit</button>
    <p role="status">${done}</p>
  </form>`;
}
