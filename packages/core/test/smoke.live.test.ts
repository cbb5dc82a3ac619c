/**
 * A short live smoke test, for lanes that re-run only a little against the server (the Node.js
 * LTS lane of `npm test`): a query over native gRPC and one through Envoy over gRPC-Web, with
 * exact rows, on the Node.js major that the lane names in $SPARK_CONNECT_TS_EXPECT_NODE.
 */
import { expect, test } from "vitest";
import { connect as webConnect } from "../../web/src/connect.js";
import { connect } from "../src/node.js";
import { live, values } from "./live-session.js";

test("runs on the Node.js major the lane asks for, else on one that package.json's engines allow", () => {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  const wanted = process.env.SPARK_CONNECT_TS_EXPECT_NODE;
  if (wanted) expect(String(major)).toBe(wanted);
  else expect(major > 20 || (major === 20 && minor >= 19)).toBe(true);
});

test("a query over native gRPC and through Envoy over gRPC-Web gives the same exact rows", async () => {
  const sql = "SELECT id, CAST(id AS STRING) AS s, id / 2 AS half FROM range(3)";
  const expected = [
    [0n, "0", 0],
    [1n, "1", 0.5],
    [2n, "2", 1],
  ];
  const native = connect(live.remote, live.token ? { token: live.token } : {});
  try {
    expect(await native.version()).toBe(live.version);
    expect(values(await (await native.sql(sql)).collect())).toEqual(expected);
  } finally {
    await native.stop();
  }
  const web = webConnect({ baseUrl: live.envoyUrl, releaseOnPageHide: false });
  try {
    expect(values(await (await web.sql(sql)).collect())).toEqual(expected);
  } finally {
    await web.stop();
  }
});
