// The users' market: the agents' active offers, filtered, and placing an order on one.
import { ErrorText, Field, html, navigate, useLoad, useUniqueId, usdt } from "./common.js";
import { useEffect, useMemo, useRef, useState } from "../../vendor/htm-preact.module.js";

const DECIMAL = /^\d+(\.\d+)?$/;
const REFRESH_MS = 20_000;

export function MarketPage({ client }) {
  const [filters, setFilters] = useState({ side: "SELL", fiatCurrency: "", usdtAmount: "", method: "" });
  const [chosen, setChosen] = useState(null);
  const query = { side: filters.side, fiatCurrency: filters.fiatCurrency.trim().toUpperCase(),
    usdtAmount: DECIMAL.test(filters.usdtAmount) ? filters.usdtAmount : "" };
  const offers = useLoad(() => client.offers(query), [query.side, query.fiatCurrency, query.usdtAmount]);
  // the API filters by side, currency and amount; the payment method is matched here, on the page shown
  const method = filters.method.trim().toLowerCase();
  const shown = (offers.value ?? []).filter((offer) => !method
    || offer.paymentMethods.some((candidate) => candidate.toLowerCase().includes(method)));
  const change = (event) => setFilters({ ...filters, [event.currentTarget.name]: event.currentTarget.value });
  useEffect(() => { // offers come and go, and agents go on and offline, while the page is open
    const timer = setInterval(() => !document.hidden && offers.reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  return html`<section class="page market">
    <div class="page-head">
      <h1>Market</h1>
      <button type="button" class="quiet" onClick=${offers.reload}>Refresh</button>
    </div>
    <form class="filters" role="search" aria-label="Filter offers" onSubmit=${(event) => event.preventDefault()}>
      <${Field} as="select" label="I want to" name="side" value=${filters.side} onChange=${change}>
        <option value="SELL">Buy USDT</option>
        <option value="BUY">Sell USDT</option>
      <//>
      <${Field} label="Currency" name="fiatCurrency" value=${filters.fiatCurrency} onInput=${change}
        placeholder="Any" maxlength="3" autocomplete="off" />
      <${Field} label="Amount" name="usdtAmount" value=${filters.usdtAmount} onInput=${change}
        placeholder="USDT" inputmode="decimal" autocomplete="off" />
      <${Field} label="Payment method" name="method" value=${filters.method} onInput=${change}
        placeholder="Any" autocomplete="off" />
    </form>
    <${ErrorText} error=${offers.error} />
    <ul class="cards offers" aria-label="Offers">
      ${shown.map((offer) => html`<li key=${offer.id}><${OfferCard} offer=${offer} onChoose=${() => setChosen(offer)} /></li>`)}
    </ul>
    ${offers.value && shown.length === 0 && html`<p class="muted">No offer matches. Try another amount or currency.</p>`}
    ${chosen && html`<${PlaceOrderDialog} client=${client} offer=${chosen} onClose=${() => setChosen(null)} />`}
  </section>`;
}

function OfferCard({ offer, onChoose }) {
  const { agent } = offer;
  const buying = offer.side === "SELL"; // the agent sells, so the user buys
  const rate = agent.completionRate30d === null ? "no finished orders yet"
    : `${Math.round(Number(agent.completionRate30d) * 100)}% completed`;
  return html`<article class="offer">
    <header>
      <span class=${`dot ${agent.online ? "on" : "off"}`} aria-hidden="true"></span>
      <strong>${agent.username}</strong> <span class="muted">${agent.online ? "online" : "offline"}</span>
    </header>
    <p class="muted">${agent.completedOrders30d} orders in 30 days · ${rate}</p>
    <p class="price">${offer.price} ${offer.fiatCurrency} <span class="muted">per USDT</span></p>
    <p>Limits ${offer.minUsdt} – ${usdt(offer.maxUsdt)}</p>
    <p>Pay by ${offer.paymentMethods.join(", ")} within ${offer.paymentWindowMinutes} minutes</p>
    ${offer.terms && html`<p class="terms">${offer.terms}</p>`}
    <button type="button" class="primary" onClick=${onChoose}>
      ${buying ? "Buy" : "Sell"}<span class="sr-only"> USDT ${buying ? "from" : "to"} ${agent.username}</span></button>
  </article>`;
}

function PlaceOrderDialog({ client, offer, onClose }) {
  const titleId = useUniqueId("place-order");
  const dialog = useRef(null);
  const [amount, setAmount] = useState("");
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  // one key per amount: a retry of the same order is answered with the order already placed, never a second one
  const key = useMemo(() => crypto.randomUUID(), [amount]);
  useEffect(() => dialog.current.showModal(), []);
  const buying = offer.side === "SELL";
  const total = DECIMAL.test(amount) ? multiply(amount, offer.price, 2) : null;

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const order = await client.placeOrder(offer.id, amount.trim(), key);
      dialog.current.close();
      navigate(`/orders/${order.id}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return html`<dialog ref=${dialog} class="dialog" aria-labelledby=${titleId} onClose=${onClose}>
    <form onSubmit=${submit}>
      <h2 id=${titleId}>Place order</h2>
      <p>${buying ? "Buy USDT from" : "Sell USDT to"} <strong>${offer.agent.username}</strong>
        at ${offer.price} ${offer.fiatCurrency}</p>
      <${Field} label="Amount (USDT)" name="usdtAmount" value=${amount} inputmode="decimal" autocomplete="off"
        required autofocus error=${error} onInput=${(event) => setAmount(event.currentTarget.value)}
        hint=${`From ${offer.minUsdt} to ${usdt(offer.maxUsdt)}`} />
      <p aria-live="polite">${total && `${buying ? "You pay" : "You receive"} about ${total} ${offer.fiatCurrency}`}</p>
      <${ErrorText} error=${error} fields=${["usdtAmount"]} />
      <div class="actions">
        <button type="submit" class="primary" disabled=${busy}>Place order</button>
        <button type="button" class="quiet" onClick=${() => dialog.current.close()}>Cancel</button>
      </div>
    </form>
  </dialog>`;
}

/** a × b of two decimal strings, rounded half up to {@code scale} places: exact, as money must be. */
function multiply(a, b, scale) {
  const [aWhole, aFraction = ""] = a.split(".");
  const [bWhole, bFraction = ""] = b.split(".");
  const places = aFraction.length + bFraction.length;
  let product = BigInt(aWhole + aFraction) * BigInt(bWhole + bFraction);
  if (places > scale) {
    const divisor = 10n ** BigInt(places - scale);
    product = (product + divisor / 2n) / divisor;
  } else {
    product *= 10n ** BigInt(scale - places);
  }
  const digits = product.toString().padStart(scale + 1, "0");
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
