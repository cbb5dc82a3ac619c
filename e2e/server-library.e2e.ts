/**
 * The example Spark Server Library in the browser: the demo's Server Library view runs the
 * library's command, relation and expression through its client package, gRPC-Web and Envoy,
 * against the main server, which e2e/global-setup.ts starts with the library's plugin.
 */
import { expect, stack, test, waitReady } from "./stack.js";

test.beforeEach(() => {
  test.skip(process.env.E2E_EXAMPLE_LIBRARY !== "true", "no example plugin on $SPARK_REMOTE");
});

test("a result from each extension kind: the command's view, the relation's copies, the expression's alias", async ({
  page,
}, testInfo) => {
  await page.goto(stack.baseUrl());
  await waitReady(page);
  await page.locator("#library summary").click();
  await page.locator("#library-notes").fill("alpha\nbeta");
  await page.locator("#library-times").fill("2");
  await page.locator("#library-run").click();
  // The command: the notes became the view the relation reads.
  await expect(page.locator("#library-command")).toHaveText(
    "command: 2 notes recorded in the view library_notes",
  );
  // The relation (copy 1 and 2 of each row) and the expression (the alias "loud").
  await expect(page.locator("#library-result")).toHaveAttribute("data-rows", "4");
  await expect(page.locator("#library-result thead th")).toHaveText(["position", "loud", "copy"]);
  const rows = await page
    .locator("#library-result tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)),
    );
  expect(rows).toEqual([
    ["1", "ALPHA", "1"],
    ["1", "ALPHA", "2"],
    ["2", "BETA", "1"],
    ["2", "BETA", "2"],
  ]);
  // The plan shows the library's messages with their own fields.
  const plan = JSON.parse((await page.locator("#library-plan").textContent()) ?? "") as {
    root: {
      sort: { input: { project: { input: { extension: unknown }; expressions: unknown[] } } };
    };
  };
  const project = plan.root.sort.input.project;
  expect(project.input.extension).toEqual({
    "@type": "type.googleapis.com/spark_connect_ts.example.ExampleRepeat",
    input: {
      common: { planId: expect.any(String) },
      read: { namedTable: { unparsedIdentifier: "library_notes" } },
    },
    times: 2,
    indexColumn: "copy",
  });
  expect(project.expressions[1]).toEqual({
    extension: {
      "@type": "type.googleapis.com/spark_connect_ts.example.ExampleExpression",
      child: {
        unresolvedFunction: {
          functionName: "upper",
          arguments: [{ unresolvedAttribute: { unparsedIdentifier: "note" } }],
        },
      },
      customField: "loud",
    },
  });
  await expect(page.locator("#library-error")).toBeHidden();
  await page.locator("#library").screenshot({ path: testInfo.outputPath("server-library.png") });
});

test("the plugin's rejection shows Spark's error class, and the view works again after it", async ({
  page,
}) => {
  await page.goto(stack.baseUrl());
  await waitReady(page);
  await page.locator("#library summary").click();
  await page.locator("#library-times").fill("0");
  await page.locator("#library-run").click();
  await expect(page.locator("#library-error")).toBeVisible();
  await expect(page.locator("#library-error")).toHaveAttribute(
    "data-error-class",
    "USER_RAISED_EXCEPTION",
  );
  await expect(page.locator("#library-error")).toHaveText(
    "USER_RAISED_EXCEPTION (SQLSTATE P0001): [USER_RAISED_EXCEPTION] example_repeat needs times >= 1, got 0 SQLSTATE: P0001",
  );
  await page.locator("#library-times").fill("1");
  await page.locator("#library-run").click();
  await expect(page.locator("#library-result")).toHaveAttribute("data-rows", "3");
  await expect(page.locator("#library-error")).toBeHidden();
});
