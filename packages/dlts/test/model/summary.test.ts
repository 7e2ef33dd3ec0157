/** summary() against Keras's text for the book's models (shapes and counts from BOOK.md). */
import { beforeAll, describe, expect, it } from 'vitest';
import * as dl from '../../src/index.js';

beforeAll(async () => {
  await dl.setBackend('cpu');
});

describe('summary()', () => {
  it("prints Keras's table for the Ch08 CNN (auto names, shapes, Total params: 197,210)", () => {
    // First models of this file: Keras's auto-names start at conv2d, dense, sequential.
    const model = new dl.Sequential({
      layers: [
        new dl.Conv2D({ filters: 10, kernelSize: [3, 3], activation: 'relu', padding: 'same', inputShape: [28, 28, 1] }),
        new dl.MaxPooling2D({ poolSize: [2, 2] }),
        new dl.Flatten(),
        new dl.Dense({ units: 100, activation: 'relu' }),
        new dl.Dense({ units: 10, activation: 'softmax' }),
      ],
    });
    expect(model.summary(false)).toBe(
      [
        'Model: "sequential"',
        '_________________________________________________________________',
        'Layer (type)                 Output Shape              Param #   ',
        '=================================================================',
        'conv2d (Conv2D)              (None, 28, 28, 10)        100       ',
        '_________________________________________________________________',
        'max_pooling2d (MaxPooling2D) (None, 14, 14, 10)        0         ',
        '_________________________________________________________________',
        'flatten (Flatten)            (None, 1960)              0         ',
        '_________________________________________________________________',
        'dense (Dense)                (None, 100)               196100    ',
        '_________________________________________________________________',
        'dense_1 (Dense)              (None, 10)                1010      ',
        '=================================================================',
        'Total params: 197,210',
        'Trainable params: 197,210',
        'Non-trainable params: 0',
        '_________________________________________________________________',
      ].join('\n'),
    );
    model.dispose();
  });

  it('counts the Ch09 recurrent models as Keras does', () => {
    const rnn = new dl.Sequential({ layers: [new dl.SimpleRNN({ units: 32, inputShape: [100, 100] }), new dl.Dense({ units: 1, activation: 'sigmoid' })] });
    expect(rnn.summary(false)).toMatch(/simple_rnn \(SimpleRNN\)\s+\(None, 32\)\s+4256/);
    expect(rnn.summary(false)).toContain('Total params: 4,289');

    const embRnn = new dl.Sequential({ layers: [new dl.Embedding({ inputDim: 1000, outputDim: 32 }), new dl.SimpleRNN({ units: 8 }), new dl.Dense({ units: 1, activation: 'sigmoid' })] });
    embRnn.build([null, 100]);
    expect(embRnn.summary(false)).toMatch(/embedding \(Embedding\)\s+\(None, 100, 32\)\s+32000/);
    expect(embRnn.summary(false)).toContain('Total params: 32,337');

    const lstm = new dl.Sequential({ layers: [new dl.Embedding({ inputDim: 1000, outputDim: 32 }), new dl.LSTM({ units: 8 }), new dl.Dense({ units: 1, activation: 'sigmoid' })] });
    lstm.build([null, 100]);
    expect(lstm.summary(false)).toMatch(/lstm \(LSTM\)\s+\(None, 8\)\s+1312/);
    expect(lstm.summary(false)).toContain('Total params: 33,321');
    for (const m of [rnn, embRnn, lstm]) m.dispose();
  });

  it('says how to build a model that has no input shape yet', () => {
    const m = new dl.Sequential({ layers: [new dl.Dense({ units: 2 })] });
    expect(() => m.summary(false)).toThrow(/not built yet/);
  });
});
