#include "vimoe/model/feed_forward.h"

namespace vimoe::model {

FeedForwardImpl::FeedForwardImpl(int width, int hidden, Activation activation) : m_activation(activation) {
  fc1 = register_module("fc1", torch::nn::Linear(width, hidden));
  fc2 = register_module("fc2", torch::nn::Linear(hidden, width));
}

torch::Tensor FeedForwardImpl::forward(const torch::Tensor& x) { return fc2->forward(activate(fc1->forward(x), m_activation)); }

}  // namespace vimoe::model
